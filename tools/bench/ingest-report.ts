export type IngestRun = { scenario: string; events: number; seconds: number };

const perSecond = (run: IngestRun) => run.events / run.seconds;

/** The runs as a markdown table, each against the last run (the baseline) of the same process. */
export const formatIngestRuns = (runs: IngestRun[], insights: boolean): string => {
  const baseline = runs[runs.length - 1]!;
  const header = '| scenario | events | seconds | events/s | ratio to baseline |';
  const rule = '|---|---:|---:|---:|---:|';
  const rows = runs.map(
    (run) =>
      `| ${run.scenario} | ${run.events} | ${run.seconds.toFixed(2)} | ${perSecond(run).toFixed(0)} | ${(
        perSecond(run) / perSecond(baseline)
      ).toFixed(3)} |`,
  );
  return [
    header,
    rule,
    ...rows,
    '',
    insights
      ? "Applied = the customer upserted, traits merged, consent recorded, triggers and computed attributes updated, in the event's transaction."
      : "Applied = the customer upserted, traits merged, consent recorded, triggers checked, in the event's transaction.",
  ].join('\n');
};
