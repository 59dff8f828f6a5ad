import { ApiProperty } from '@nestjs/swagger';
import { TEXT_MAX_LENGTH } from '@casusregie/domain';
import { IsCalendarDate, IsFreeText } from './shared/validators';

/**
 * Deadline ids are derived by the domain from their kind and what they are about, e.g.
 * `liaison-answer:<requestId>` or `escalation-decision:<escalationId>`: a kind, a colon and a key.
 */
export const DEADLINE_ID = /^[a-z0-9-]{1,64}:[A-Za-z0-9._:-]{1,160}$/;

export class SuspendDeadlineDto {
  @ApiProperty({
    description: 'Why the clock stops (opschorting); the due date moves by the suspended time.',
    example: 'Wacht op medische gegevens van de huisarts.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  reason!: string;
}

export class ExtendDeadlineDto {
  @ApiProperty({
    description: 'Why the deadline is extended (verlenging, once).',
    example: 'Extra overleg met het zorgkantoor nodig.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  reason!: string;

  @ApiProperty({ description: 'The new due date (YYYY-MM-DD).', example: '2026-03-31', format: 'date' })
  @IsCalendarDate()
  newDueDate!: string;
}

export class CloseDeadlineDto {
  @ApiProperty({
    description: 'Why the deadline does not apply to this case.',
    example: 'Geen Wlz-zorgvraag: een CIZ-aanvraag is niet nodig.',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsFreeText()
  reason!: string;
}
