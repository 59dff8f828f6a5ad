import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  type MessageEvent,
  Param,
  Post,
  Query as QueryParams,
  Sse,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { toDutchDate } from '@casusregie/domain';
import { DEFAULT_INBOX_PAGE_SIZE } from '@casusregie/projections';
import { CurrentPrincipal, type RequestPrincipal } from '../auth/request-principal';
import { RequirePermission } from '../auth/require-permission';
import { NoBodyPipe, ParsePathIdPipe } from '../cases/shared/pipes';
import { type CommandContext, CommandContextParam } from '../commands/command-context';
import type { CommandResponse } from '../commands/command-response';
import { CaseVersionEtagInterceptor } from '../commands/etag.interceptor';
import { CLOCK, type Clock } from '../platform/clock';
import { ReadModelErrorsInterceptor } from '../queries/read-model-http';
import { AcknowledgeNotificationCommand } from './acknowledge.command';
import {
  NOTIFICATION_ID,
  acknowledgingOrganisationOf,
  inboxOrganisationOf,
  notificationNotFound,
} from './inbox-access';
import { InboxStreams, inboxEvents, lastEventIdOf } from './inbox-stream';
import { ACKNOWLEDGE_EXAMPLE, INBOX_EXAMPLE, STREAM_EXAMPLE } from './inbox.examples';
import { InboxOrganisationDto, ListInboxQueryDto } from './inbox.dto';
import { INBOX_HEARTBEAT_MS, InboxGate } from './inbox.provider';
import { type InboxResponse, ListInboxQuery } from './inbox.queries';

/**
 * The liaison inbox: the notifications addressed to the caller's organisation (thin: ids, codes, dates; never
 * personal data), acknowledging one (recorded on the case as NotificationAcknowledged), and a live stream of new
 * ones as server-sent events. Answering a responsibility request stays the accept/reject command on the case.
 */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
    private readonly gate: InboxGate,
    private readonly streams: InboxStreams,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INBOX_HEARTBEAT_MS) private readonly heartbeatMs: number,
  ) {}

  @Get()
  @RequirePermission('inbox.read')
  @UseInterceptors(ReadModelErrorsInterceptor)
  @ApiOperation({
    summary: "Your organisation's inbox: notifications, newest first, filtered and paged (cursor)",
    description:
      'Liaisons and coordinators read the inbox of their own organisation; auditors any organisation they name ' +
      '(their own by default). A notification carries ids, codes and dates only: read the case itself under ' +
      'your own access rights through `link`.',
  })
  @ApiOkResponse({ description: 'One page of the inbox.', schema: { example: INBOX_EXAMPLE } })
  @ApiResponse({ status: 400, description: 'A bad parameter (each named) or a cursor of another query.' })
  @ApiResponse({
    status: 503,
    description: 'minPosition not reached in time (read-model-behind, Retry-After).',
  })
  list(
    @QueryParams() dto: ListInboxQueryDto,
    @CurrentPrincipal() principal: RequestPrincipal,
  ): Promise<InboxResponse> {
    return this.queryBus.execute(
      new ListInboxQuery(principal, {
        organisation: dto.organisation,
        kinds: dto.kind,
        state: dto.state,
        overdue: dto.overdue,
        cursor: dto.cursor,
        limit: dto.limit ?? DEFAULT_INBOX_PAGE_SIZE,
        minPosition: dto.minPosition,
      }),
    );
  }

  @Sse('stream')
  @RequirePermission('inbox.read')
  @ApiOperation({
    summary: 'New notifications of your organisation as server-sent events, resumable with Last-Event-ID',
    description:
      'Each notification is an event `notification` whose `id` is its sequence and whose data is the inbox item ' +
      '(as in GET /inbox). Without Last-Event-ID the stream starts with the notifications that arrive from now ' +
      'on; with it, it first sends every notification after that id, then the new ones. A comment line ' +
      '(`: heartbeat`) comes every 15 s. The stream ends when the server shuts down; reconnect with the last id.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The id of the last event received: the stream continues after it.',
  })
  @ApiOkResponse({ description: 'An event stream (text/event-stream).', schema: { example: STREAM_EXAMPLE } })
  @ApiResponse({ status: 400, description: 'Last-Event-ID or organisation is not valid.' })
  stream(
    @Headers('last-event-id') lastEventId: string | undefined,
    @QueryParams() dto: InboxOrganisationDto,
    @CurrentPrincipal() principal: RequestPrincipal,
  ): Observable<MessageEvent> {
    const organisationId = inboxOrganisationOf(principal, dto.organisation);
    const inbox = this.gate.handle;
    return this.streams.track(
      inboxEvents({
        inbox,
        organisationId,
        after: lastEventIdOf(lastEventId) ?? inbox.queries.lastSequence(),
        today: () => toDutchDate(this.clock.now().toISOString()),
        heartbeatMs: this.heartbeatMs,
      }),
    );
  }

  @Post(':notificationId/acknowledge')
  @HttpCode(200)
  @RequirePermission('inbox.acknowledge')
  @UseInterceptors(CaseVersionEtagInterceptor)
  @ApiOperation({
    summary: 'Acknowledge a notification of your organisation (no body): recorded on its case',
    description:
      'Appends NotificationAcknowledged (organisation, user, time) to the case, so auditors see who saw what ' +
      'when. Acknowledging again answers the same way without a second event. Idempotency-Key as for every ' +
      'command; If-Match is not used. A notification that is not in your organisation’s inbox is 404.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Makes the command safe to retry: the same key and request answer the first response again.',
  })
  @ApiOkResponse({
    description:
      "The case's version and the global position of its last event (pass it as minPosition to read the " +
      'acknowledgement back), and the event appended (none when it was acknowledged before).',
    schema: { example: ACKNOWLEDGE_EXAMPLE },
  })
  @ApiResponse({ status: 400, description: 'The notification id is not a UUID, or a body was sent.' })
  @ApiNotFoundResponse({ description: "No such notification in your organisation's inbox (problem+json)." })
  async acknowledge(
    @Param('notificationId', new ParsePathIdPipe('notificationId', NOTIFICATION_ID)) notificationId: string,
    @Body(NoBodyPipe) _body: unknown,
    @CurrentPrincipal() principal: RequestPrincipal,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandResponse> {
    const organisationId = acknowledgingOrganisationOf(principal);
    const { result: notification } = await this.gate.read(undefined, (queries) =>
      queries.find(organisationId, notificationId.toLowerCase(), toDutchDate(this.clock.now().toISOString())),
    );
    if (notification === null) throw notificationNotFound();
    const { actor, correlationId, idempotency } = context;
    return this.commandBus.execute(
      new AcknowledgeNotificationCommand({
        actor,
        correlationId,
        idempotency,
        caseId: notification.caseId,
        build: (metadata) => ({
          type: 'AcknowledgeNotification',
          data: {
            caseId: notification.caseId,
            notificationId: notification.notificationId,
            kind: notification.kind,
          },
          metadata,
        }),
      }),
    );
  }
}
