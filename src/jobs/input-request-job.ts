// Each tick: reminders to those who have not answered an input request, once, when its
// reminder day has come; and the note of every request whose deadline has passed,
// compiled and sent to the secretariat (see InputService.tick). Decided from the
// database, so a restart neither loses nor repeats anything (the outbox keys are once-only).
import type { Logger } from 'pino';
import type { DeliveryService } from '../domain/delivery/delivery.service';
import type { InputService } from '../domain/input/input.service';

export class InputRequestJob {
  readonly name = 'input requests';

  constructor(
    private readonly inputs: InputService,
    private readonly deliveries: DeliveryService,
    private readonly log: Logger,
  ) {}

  async run(): Promise<number> {
    const { reminders, compiled } = await this.inputs.tick((messages) => this.deliveries.queue(messages));
    if (compiled) this.deliveries.queuedElsewhere();
    if (reminders || compiled) this.log.info({ reminders, compiled }, 'input requests: reminders queued, notes compiled');
    return reminders + compiled;
  }
}
