/** What happened after an action: a success is announced politely, a failure as an alert (with WeChat's code in it). */
export type Outcome = { ok: boolean; message: string } | null;

export function OutcomeMessage(props: { outcome: Outcome }) {
  return (
    <div aria-live="polite">
      {props.outcome &&
        (props.outcome.ok ? (
          <p class="outcome" role="status">
            {props.outcome.message}
          </p>
        ) : (
          <p class="problem" role="alert">
            {props.outcome.message}
          </p>
        ))}
    </div>
  );
}
