// One request per call to Teams. The connector clients botbuilder builds try again by
// themselves: their HTTP pipeline (@azure/core-rest-pipeline, through botbuilder-stdlib's
// ServiceClientContext) holds defaultRetryPolicy, which repeats a request answered 429
// (after its Retry-After), a 5xx, or a network error (exponential backoff), three times.
// Measured against a local connector answering 503: four requests and 3-6 s in one send.
//
// Retries are the outbox's to decide (outbox-worker.ts): it waits out Retry-After without
// holding a sender, backs off with jitter, counts attempts, gives up, and lets the app stop
// at once. A retry inside the send gives a throttling Teams four times the requests, holds a
// sender slot (and the tenant's pace) for seconds and makes stopping the app wait for it.
// In a turn the same holds: Teams waits for the bot's answer only 10-15 s, so a reply Teams
// did not take is not repeated there; one the outbox would try again (no answer, 429, 412,
// 502-504) is handed to it (teams-turn.ts), any other failure is the turn's (onTurnError).
//
// So each client's retry phase is emptied: the one request fails with Teams' status and
// Retry-After on the error (RestError's statusCode and response), which ChannelMessenger
// hands to the outbox as a SendError. Nothing else in the pipeline changes.
/** What of a connector client this needs: its core-rest-pipeline pipeline. */
interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { phase?: 'Retry' }): unknown[] } };
}

/** The connector client without its own retries: each call is one request. Idempotent. */
export function oneAttempt<C extends object>(connector: C): C {
  // A botbuilder whose clients are built otherwise keeps sending (as it would retry), and
  // the tests that count requests per send (connector-failures.e2e) say so.
  (connector as PipelineHolder).client?.pipeline?.removePolicy({ phase: 'Retry' });
  return connector;
}
