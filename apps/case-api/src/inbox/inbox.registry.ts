import type { Provider, Type } from '@nestjs/common';
import type { CaseApiOptions } from '../case-api.module';
import { AcknowledgeNotificationHandler } from './acknowledge.command';
import { InboxStreams } from './inbox-stream';
import { InboxController } from './inbox.controller';
import { inboxHandleProviders } from './inbox.provider';
import { INBOX_QUERY_HANDLERS } from './inbox.queries';

export { INBOX_HANDLE } from './inbox.provider';
export type { InboxOptions } from './inbox.provider';

export const INBOX_CONTROLLERS: Type[] = [InboxController];

/**
 * The inbox (token INBOX_HANDLE: started on bootstrap, closed on shutdown), its gate, the live streams (ended on
 * shutdown), the list query and the acknowledge command.
 */
export function inboxProviders(options: CaseApiOptions): Provider[] {
  return [
    ...inboxHandleProviders(options),
    InboxStreams,
    ...INBOX_QUERY_HANDLERS,
    AcknowledgeNotificationHandler,
  ];
}
