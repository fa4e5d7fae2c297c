import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One delivery pipeline for every channel, its attempt history, consent, and per-workspace delivery rules. */
export class DeliveryPipeline1764000000000 implements MigrationInterface {
  name = 'DeliveryPipeline1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE deliveries DROP CONSTRAINT deliveries_channel_check;
      ALTER TABLE deliveries ADD CONSTRAINT deliveries_channel_check CHECK (channel IN ('email', 'sms', 'webhook'));
      ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
      ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check
        CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'suppressed', 'unknown'));
      ALTER TABLE deliveries ALTER COLUMN template_key DROP NOT NULL;
      -- What the channel needs beyond the template (a webhook's URL and body, an SMS text, ...).
      ALTER TABLE deliveries ADD COLUMN payload jsonb NOT NULL DEFAULT '{}';
      ALTER TABLE deliveries ADD COLUMN transactional boolean NOT NULL DEFAULT false;
      -- Deferred by quiet hours or a cap: the promoter hands it to the queue again at this time.
      ALTER TABLE deliveries ADD COLUMN not_before timestamptz;
      -- Each hand-over to the queue gets its own job id (send.<id>.<round>), so a deferred send is never mistaken
      -- for the finished job of its previous round.
      ALTER TABLE deliveries ADD COLUMN round integer NOT NULL DEFAULT 0;
      -- Database time (operational, not the engine clock) when the current attempt claimed the row.
      ALTER TABLE deliveries ADD COLUMN sending_since timestamptz;
      ALTER TABLE deliveries ADD COLUMN reason text;
      CREATE INDEX deliveries_due ON deliveries (not_before) WHERE status = 'pending' AND enqueued_at IS NULL;
      -- Frequency caps count a customer's recent sends per channel.
      CREATE INDEX deliveries_recent ON deliveries (customer_id, channel, sent_at) WHERE status = 'sent';

      CREATE TABLE delivery_attempts (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        outcome text NOT NULL CHECK (outcome IN ('sent', 'retry', 'failed', 'suppressed', 'deferred', 'unknown', 'interrupted')),
        detail text
      );
      CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts (delivery_id, id);

      -- Consent per customer and channel, and every change to it (who, when, from where).
      CREATE TABLE consents (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('email', 'sms')),
        granted boolean NOT NULL,
        source text NOT NULL,
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (customer_id, channel)
      );
      CREATE TABLE consent_changes (
        id bigserial PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        channel text NOT NULL,
        granted boolean NOT NULL,
        source text NOT NULL,
        changed_at timestamptz NOT NULL
      );
      CREATE INDEX consent_changes_by_customer ON consent_changes (customer_id, id);
      CREATE TRIGGER consent_changes_append_only BEFORE UPDATE ON consent_changes
        FOR EACH ROW EXECUTE FUNCTION rapport_forbid_update();

      -- Quiet hours, frequency caps, consent defaults, private webhook targets: one validated JSON document.
      ALTER TABLE workspaces ADD COLUMN delivery_rules jsonb NOT NULL DEFAULT '{}';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE workspaces DROP COLUMN delivery_rules;
      DROP TABLE consent_changes, consents, delivery_attempts;
      DROP INDEX deliveries_recent;
      DROP INDEX deliveries_due;
      ALTER TABLE deliveries DROP COLUMN reason, DROP COLUMN sending_since, DROP COLUMN round, DROP COLUMN not_before,
        DROP COLUMN transactional, DROP COLUMN payload;
      ALTER TABLE deliveries ALTER COLUMN template_key SET NOT NULL;
      ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
      ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed'));
      ALTER TABLE deliveries DROP CONSTRAINT deliveries_channel_check;
      ALTER TABLE deliveries ADD CONSTRAINT deliveries_channel_check CHECK (channel IN ('email'));
    `);
  }
}
