import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the whole journey language needs: listening waits, goals, per-customer trigger schedules. */
export class JourneyLanguage1763990000000 implements MigrationInterface {
  name = 'JourneyLanguage1763990000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- The event a waiting enrollment listens for; an incoming event finds its listeners by customer and name.
      ALTER TABLE enrollments ADD COLUMN waiting_event text;
      CREATE INDEX enrollments_listening ON enrollments (customer_id, waiting_event) WHERE waiting_event IS NOT NULL;
      -- Conversion: the goal event reached within the window after entry (measured for holdout control too).
      ALTER TABLE enrollments ADD COLUMN converted_at timestamptz;
      ALTER TABLE enrollments ADD COLUMN conversion_event_id uuid REFERENCES events(id) ON DELETE SET NULL;

      ALTER TABLE journey_versions ADD COLUMN goal_event text;
      CREATE INDEX journey_versions_goal ON journey_versions (workspace_id, goal_event) WHERE goal_event IS NOT NULL;

      -- Date and schedule triggers: each customer's next fire time, recomputed when their profile changes, so a
      -- tick is one indexed query however many customers there are.
      CREATE TABLE trigger_schedules (
        id bigserial PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        journey_id uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES journey_versions(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        next_fire_at timestamptz,
        last_fired_at timestamptz,
        UNIQUE (version_id, node_id, customer_id)
      );
      CREATE INDEX trigger_schedules_due ON trigger_schedules (next_fire_at) WHERE next_fire_at IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE trigger_schedules;
      DROP INDEX journey_versions_goal;
      ALTER TABLE journey_versions DROP COLUMN goal_event;
      ALTER TABLE enrollments DROP COLUMN conversion_event_id, DROP COLUMN converted_at, DROP COLUMN waiting_event;
    `);
  }
}
