/**
 * The responsibility view: per need, which law domain and financier hold it, with what status and basis, set by
 * which event; and the gaps (open needs without a holder) since when. A pure function of the case's stored events,
 * for every step of the stream, any position and any moment.
 */
export * from './types';
export {
  responsibilityAtPosition,
  responsibilityOn,
  responsibilityTimeline,
  EnvelopeOrderError,
} from './queries';
