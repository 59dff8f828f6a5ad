/**
 * Source cells copied verbatim from ../shared/research/domain.md. They are copies of public material
 * and may be out of date: check them against wetten.overheid.nl before relying on a rule.
 */
export const SOURCES = {
  jeugdige:
    '[Schulinck: jeugdhulp stopt meestal bij 18](https://www.schulinck.nl/opinie/dat-jeugdhulp-meestal-stopt-bij-18-jaar-volgt-uit-de-jeugdwet/), [Schulinck: begeleiding](https://www.schulinck.nl/opinie/maak-een-toekomstplan-voor-de-jeugdige-met-begeleiding-die-18-jaar-wordt/), [RIGG: definitie jeugdhulp](https://www.rigg.nl/Inrichting+van+de+toegang/Definitie+Jeugdhulp+en+doelgroep+Jeugdwet/default.aspx)',
  verlengdeJeugdhulp:
    '[Regelhulp](https://www.regelhulp.nl/onderwerpen/van-jeugd-naar-18/vanuit-de-jeugdwet), [Stimulansz](https://www.stimulansz.nl/verlengde-jeugdhulp/), [LLM Legal quoting Jw 1.2 lid 1 sub b](https://www.llmlegal.nl/blog/jeugdwet-is-tot-23-jaar-en-niet-tot-18/)',
  T1: '[Kenniscentrum KJP](https://kenniscentrum-kjp.nl/gemeenten/18-min-18-plus/), [NJi](https://www.nji.nl/nl/Kennis/Dossier/van-jeugd-naar-volwassenheid/Zorg/Uitdagingen-en-oplossingen), [Regelhulp](https://www.regelhulp.nl/onderwerpen/van-jeugd-naar-18/vanuit-de-jeugdwet)',
  T2: '[CIZ GGZ-B](https://ciz.nl/zorgprofessional/werkwijze/werkwijze-overgang-ggz-verblijf-met-behandeling-in-de-zvw-naar-de-wlz-ggz-b), [Zorginstituut](https://www.zorginstituutnederland.nl/Verzekerde+zorg/ggz-behandeling-vanuit-de-wlz)',
  T3: '[Schulinck](https://www.schulinck.nl/opinie/maak-een-toekomstplan-voor-de-jeugdige-met-begeleiding-die-18-jaar-wordt/), [DeZorgkeuze](https://www.dezorgkeuze.nl/van-jeugdwet-naar-wmo-dit-moet-je-weten/)',
  T4: '[Schulinck PV](https://www.schulinck.nl/opinie/opinie-sociaal-domein-wmo-wanneer-valt-persoonlijke-verzorging-onder-de-wmo-2015/), [Zorginstituut wijkverpleging](https://www.zorginstituutnederland.nl/Verzekerde+zorg/w/wijkverpleging-zvw)',
  T5: '[DeZorgkeuze](https://www.dezorgkeuze.nl/van-jeugdwet-naar-wmo-dit-moet-je-weten/), [kst 25424-651](https://zoek.officielebekendmakingen.nl/kst-25424-651.html), [Zorgprofielen GGZ-wonen](https://www.informatielangdurigezorg.nl/onderwerpen/z/zorgprofiel/documenten/publicaties/2020/ggz-naar-wlz/publicaties/ggz-wonen)',
  T6: '[CIZ FAQ](https://www.ciz.nl/zorgprofessional/veelgestelde-vragen-zorgprofessional/wet-langdurige-zorg), [CIZ Wlz voor kinderen](https://www.ciz.nl/wet-langdurige-zorg/voor-wie-is-de-wet-langdurige-zorg-wlz/wlz-voor-kinderen), [CIZ termijn](https://ciz.nl/client)',
  T7: '[Uw Ouderplatform](http://www.uwouderplatform.nl/Infopunt/medische-kind-zorg), [VNG IKZ](https://vng.nl/onderwerpenindex/jeugd/jeugdhulp/kinderen-met-een-intensieve-zorgvraag)',
  T8: '[MvT 35833](https://zoek.officielebekendmakingen.nl/kst-35833-3.html), [Yong](https://www.yong.nl/topic/help-ik-word-18-van-18-naar-18/)',
  T9: '[Regelhulp](https://www.regelhulp.nl/onderwerpen/van-jeugd-naar-18/vanuit-de-jeugdwet), [Schulinck](https://www.schulinck.nl/opinie/dat-jeugdhulp-meestal-stopt-bij-18-jaar-volgt-uit-de-jeugdwet/), [Wegwijzer jeugd & veiligheid](https://www.wegwijzerjeugdenveiligheid.nl/onderwerpen/adolescentenstrafrecht/faq/)',
  T10: '[JGZ Friesland OTS](https://www.jeugdengezinsbeschermingfriesland.nl/veelgestelde-vragen/hoe-kom-ik-van-een-maatregel-af/)',
  T11: '[DSW](https://www.dsw.nl/Consumenten/klantenservice/veelgesteldevragen/18_jaar_eigenrisico)',
  T12: '[NJi](https://www.nji.nl/van-jeugd-naar-volwassenheid/welke-wetten-en-regels-zijn-belangrijk)',
  wlzBeforeWmo:
    'Wmo art. 2.3.5 lid 6; exceptions in art. 8.6a. Source: [CRvB 2018:3933](https://lexboost.com/rechtspraak/ECLI:NL:CRVB:2018:3933)',
  jeugdwetYields:
    'Jw art. 1.2 lid 1 sub b, quoted by [LLM Legal](https://www.llmlegal.nl/blog/jeugdwet-is-tot-23-jaar-en-niet-tot-18/)',
  noElvWithWlz:
    '[ZorgBedWijzer triage](https://zorgbedwijzer.nl/schemas/triage/stappen/heeft-de-patient-een-wlz-indicatie)',
  wijkverplegingYields:
    '[Zorginstituut](https://www.zorginstituutnederland.nl/Verzekerde+zorg/w/wijkverpleging-zvw)',
  grensvlakPv:
    '[ZIN wijkverpleging](https://www.zorginstituutnederland.nl/Verzekerde+zorg/w/wijkverpleging-zvw), [Schulinck PV](https://www.schulinck.nl/opinie/opinie-sociaal-domein-wmo-wanneer-valt-persoonlijke-verzorging-onder-de-wmo-2015/), [VNG IKZ](https://vng.nl/onderwerpenindex/jeugd/jeugdhulp/kinderen-met-een-intensieve-zorgvraag)',
  grensvlakKortdurendVerblijf:
    '[ZIN ELV](https://www.zorginstituutnederland.nl/werkagenda/overige-onderwerpen/geneeskundige-zorg-eerstelijnsverblijf), [Menzis](https://www.menzis.nl/zorgaanbieders/veranderingen-2018/eerstelijns-verblijf-in-de-zorgverzekeringswet), [LHV afwegingsinstrument](https://www.lhv.nl/afwegingsinstrument), [pgb.nl logeeropvang](https://www.pgb.nl/pgb/wmo/welke-zorg/logeeropvangkortdurend-verblijf/), [Monitor LZ](https://www.monitorlangdurigezorg.nl/begrippen/verblijf), [ZIN rapport ELV 2016](https://adoc.pub/het-eerstelijnsverblijf-binnen-de-zorgverzekeringswet-datum-.html) (§4.2 ELV vs respijtzorg)',
  grensvlakHulpmiddelen:
    '[ZIN hulpmiddelen](https://www.zorginstituutnederland.nl/Verzekerde+zorg/hulpmiddelen-algemeen-zvw), [Zorg en Zekerheid zorgkantoor table](https://www.zorgkantoor-zorgenzekerheid.nl/zorgprofessionals-en-aanbieders/zorg-leveren/hulpmiddelen/), [Wmo→Wlz 2020](https://grhengelo.nl/van-wmo-naar-wlz-wijziging-in-verstrekking-hulpmiddelen/), [CZ zorgkantoor](https://www.cz-zorgkantoor.nl/zorgaanbieder/zorg-leveren/persoonsgebonden-hulpmiddelen-en-mobiliteitshulpmiddelen), [VNG verhuisconvenant](https://vng.nl/artikelen/convenant-meeverhuizen-van-individuele-mobiliteitshulpmiddelen-en-roerende-woonvoorzieningen-bij-een-verhuizing)',
  grensvlakGgzWonen:
    '[kst 25424-651](https://zoek.officielebekendmakingen.nl/kst-25424-651.html), [ZIN GGZ-behandeling Wlz](https://www.zorginstituutnederland.nl/Verzekerde+zorg/ggz-behandeling-vanuit-de-wlz), [CIZ GGZ-B](https://ciz.nl/zorgprofessional/werkwijze/werkwijze-overgang-ggz-verblijf-met-behandeling-in-de-zvw-naar-de-wlz-ggz-b)',
  grensvlakJeugdGgz: '[Kenniscentrum KJP](https://kenniscentrum-kjp.nl/gemeenten/18-min-18-plus/)',
  grensvlakIkz:
    '[VNG IKZ](https://vng.nl/onderwerpenindex/jeugd/jeugdhulp/kinderen-met-een-intensieve-zorgvraag), [zelfregietool (VWS factsheet)](https://zelfregietool.nl/onderwerp/kinderen-met-zorgvraag/), [OZF](https://www.ozf.nl/consumenten/Zorg/langdurige-zorg/Paginas/Intensieve-kindzorg.aspx)',
  grensvlakDagbesteding:
    '[ZIN vervoer Wlz](https://www.zorginstituutnederland.nl/Verzekerde+zorg/vervoer-wlz)',
  grensvlakVervoer:
    '[ZIN vervoer Wlz](https://www.zorginstituutnederland.nl/Verzekerde+zorg/v/vervoer-wlz), [Zorgkantoor DSW vervoer](https://www.zorgkantoordsw.nl/Zorgaanbieders/Zorg-leveren/Aanvullende-info/Vervoer)',
  grensvlakOuderenzorg:
    '[begeleidwonennederland](https://begeleidwonennederland.nl/beschermd-wonen/financieringsvormen/indiciatie/), [iWlz COD163](https://build.fhir.org/ig/minvws/generiekefuncties-docs/en/CodeSystem-IwlzCod163CS.html)',
} as const;

/** Sources joined for a rule that encodes more than one research row. */
export function sources(...cells: string[]): string {
  return cells.join('; ');
}
