import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../commands/case-command-executor';
import { CaseCommandHandler } from '../commands/case-command-handler';
import { CaseCommandMessage } from '../commands/case-command-message';

/** The domain's AcknowledgeNotification on the notification's case (NotificationAcknowledged; none when repeated). */
export class AcknowledgeNotificationCommand extends CaseCommandMessage {}

@CommandHandler(AcknowledgeNotificationCommand)
export class AcknowledgeNotificationHandler extends CaseCommandHandler<AcknowledgeNotificationCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}
