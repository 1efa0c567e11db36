// Each tick: published minutes with corrections not yet in them are issued again. A
// correction is written with the decision it changes and the minutes are rebuilt right
// after; this catches the rare case of a process that stopped between the two.
import type { Logger } from 'pino';
import type { DeliveryService } from '../domain/delivery/delivery.service';
import type { MinutesService } from '../domain/minutes/minutes.service';

export class MinutesReissueJob {
  readonly name = 'corrected minutes';

  constructor(
    private readonly minutes: MinutesService,
    private readonly deliveries: DeliveryService,
    private readonly log: Logger,
  ) {}

  async run(): Promise<number> {
    const issued = await this.minutes.reissuePending();
    if (issued) {
      this.deliveries.queuedElsewhere();
      this.log.info({ issued }, 'corrected minutes issued again');
    }
    return issued;
  }
}
