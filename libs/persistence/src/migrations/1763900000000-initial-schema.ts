import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The engine's source of truth. Written as SQL on purpose: the indexes, partial indexes and immutability
 * triggers are the design, and an ORM diff would hide them.
 */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        -- Keys are stored as SHA-256 digests: a database dump does not leak working credentials.
        write_key_hash text NOT NULL UNIQUE,
        api_key_hash text NOT NULL UNIQUE,
        time_zone text NOT NULL DEFAULT 'UTC',
        email_from text NOT NULL,
        created_at timestamptz NOT NULL
      );

      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        external_id text,
        anonymous_id text,
        email text,
        phone text,
        time_zone text,
        locale text,
        attributes jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX customers_external_id ON customers (workspace_id, external_id) WHERE external_id IS NOT NULL;
      CREATE UNIQUE INDEX customers_anonymous_id ON customers (workspace_id, anonymous_id)
        WHERE anonymous_id IS NOT NULL AND external_id IS NULL;
      CREATE INDEX customers_email ON customers (workspace_id, lower(email));

      CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        message_id text NOT NULL,
        type text NOT NULL CHECK (type IN ('track', 'identify')),
        name text,
        properties jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        -- Stored once per messageId: a client retry is acknowledged and ignored.
        UNIQUE (workspace_id, message_id)
      );
      CREATE INDEX events_by_customer ON events (workspace_id, customer_id, occurred_at DESC);

      CREATE TABLE templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        key text NOT NULL,
        name text NOT NULL,
        subject text NOT NULL,
        html text NOT NULL,
        text text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (workspace_id, key)
      );

      CREATE TABLE journeys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'live', 'paused', 'archived')),
        draft jsonb NOT NULL,
        live_version_id uuid,
        latest_version integer,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX journeys_by_workspace ON journeys (workspace_id, updated_at DESC);

      CREATE TABLE journey_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        journey_id uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        version integer NOT NULL,
        document jsonb NOT NULL,
        -- 'event:Order Completed', ...: entry is one GIN lookup, not a scan of every journey.
        trigger_keys text[] NOT NULL,
        published_at timestamptz NOT NULL,
        UNIQUE (journey_id, version)
      );
      CREATE INDEX journey_versions_trigger_keys ON journey_versions USING gin (trigger_keys);
      ALTER TABLE journeys ADD CONSTRAINT journeys_live_version FOREIGN KEY (live_version_id) REFERENCES journey_versions(id);

      CREATE FUNCTION rapport_forbid_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME USING ERRCODE = 'P0001';
      END $$;
      CREATE TRIGGER journey_versions_immutable BEFORE UPDATE ON journey_versions
        FOR EACH ROW EXECUTE FUNCTION rapport_forbid_update();

      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        journey_id uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES journey_versions(id),
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        trigger_event_id uuid REFERENCES events(id) ON DELETE SET NULL,
        trigger_key text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'waiting', 'completed', 'exited', 'failed')),
        node_id text NOT NULL,
        state jsonb NOT NULL,
        -- Every change is a compare-and-set on seq, so a job that runs twice changes nothing the second time.
        seq integer NOT NULL DEFAULT 0,
        -- When work is next due; the promoter hands due rows to Redis and stamps enqueued_at.
        wake_at timestamptz,
        enqueued_at timestamptz,
        entered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        ended_at timestamptz,
        UNIQUE (journey_id, customer_id, trigger_key)
      );
      CREATE INDEX enrollments_due ON enrollments (wake_at) WHERE wake_at IS NOT NULL AND enqueued_at IS NULL;
      CREATE INDEX enrollments_enqueued ON enrollments (enqueued_at) WHERE enqueued_at IS NOT NULL;
      CREATE INDEX enrollments_by_customer ON enrollments (workspace_id, customer_id, entered_at DESC);
      CREATE INDEX enrollments_by_journey_node ON enrollments (journey_id, node_id, status);

      CREATE TABLE enrollment_history (
        id bigserial PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        enrollment_id uuid NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        at timestamptz NOT NULL,
        node_id text NOT NULL,
        code text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX enrollment_history_by_enrollment ON enrollment_history (enrollment_id, id);
      CREATE TRIGGER enrollment_history_append_only BEFORE UPDATE ON enrollment_history
        FOR EACH ROW EXECUTE FUNCTION rapport_forbid_update();

      CREATE TABLE deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        enrollment_id uuid NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        visit integer NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email')),
        template_key text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        recipient text,
        message_id text,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        enqueued_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        sent_at timestamptz,
        -- The outbox key: one send per enrollment, node and visit, whatever retries or crashes happen.
        UNIQUE (enrollment_id, node_id, visit)
      );
      CREATE INDEX deliveries_open ON deliveries (status, updated_at) WHERE status IN ('pending', 'sending');

      -- The test clock (RAPPORT_TEST_CLOCK=1): one row every API and worker process reads.
      CREATE TABLE engine_clock (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        now timestamptz NOT NULL
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE engine_clock, deliveries, enrollment_history, enrollments;
      ALTER TABLE journeys DROP CONSTRAINT journeys_live_version;
      DROP TABLE journey_versions, journeys, templates, events, customers, workspaces;
      DROP FUNCTION rapport_forbid_update();
    `);
  }
}
