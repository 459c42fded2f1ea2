-- Four saves as pgbench-merged.sql, sent as one pipeline that PostgreSQL runs as one implicit transaction,
-- as the server's save batches do (models/savebatch.go). Each client takes four proposals of its own.
\set c :client_id * 4
\set c1 :c + 1
\set c2 :c + 2
\set c3 :c + 3
\startpipeline
WITH target AS (
    SELECT proposal_id AS id FROM members WHERE user_id = :usr ORDER BY proposal_id OFFSET :c LIMIT 1
), who AS (
    SELECT sessions.user_id FROM sessions JOIN members ON members.user_id = sessions.user_id AND members.proposal_id = (SELECT id FROM target)
    WHERE sessions.token_hash = :th AND sessions.expires_at > now() AND members.role IN ('owner','editor')
), open AS (
    SELECT id FROM proposals WHERE id = (SELECT id FROM target) AND status <> 'final' AND NOT bilingual AND EXISTS (SELECT 1 FROM who) FOR UPDATE
), prev AS (
    SELECT updated_by, updated_at FROM sections WHERE proposal_id = (SELECT id FROM target) AND section_key = 'epidemiology'
), saved AS (
    UPDATE sections SET version = version + 1,
        fields = '{"hiv-hcv-epidemiology": "' || repeat('Сообщество ЛУИН участвует в работе СКМ. ', 20) || '"}',
        updated_at = now(), updated_by = (SELECT user_id FROM who)
    WHERE proposal_id = (SELECT id FROM target) AND section_key = 'epidemiology' AND EXISTS (SELECT 1 FROM open)
    RETURNING version, fields
), revision AS (
    INSERT INTO revisions (proposal_id, section_key, number, fields, created_at, created_by)
    SELECT (SELECT id FROM target), 'epidemiology', version, fields, now(), :usr FROM saved
), touched AS (
    UPDATE proposals SET updated_at = now() WHERE id = (SELECT id FROM target) AND EXISTS (SELECT 1 FROM saved)
), logged AS (
    INSERT INTO activity (proposal_id, actor_id, kind, subject, detail, created_at)
    SELECT (SELECT id FROM target), :usr, 'section_saved', 'epidemiology', '', now() FROM saved
    WHERE NOT EXISTS (SELECT 1 FROM prev WHERE updated_by = :usr AND updated_at > now() - interval '15 minutes')
)
SELECT (SELECT count(*) FROM saved) AS saved, (SELECT count(*) FROM open) AS open;
WITH target AS (
    SELECT proposal_id AS id FROM members WHERE user_id = :usr ORDER BY proposal_id OFFSET :c1 LIMIT 1
), who AS (
    SELECT sessions.user_id FROM sessions JOIN members ON members.user_id = sessions.user_id AND members.proposal_id = (SELECT id FROM target)
    WHERE sessions.token_hash = :th AND sessions.expires_at > now() AND members.role IN ('owner','editor')
), open AS (
    SELECT id FROM proposals WHERE id = (SELECT id FROM target) AND status <> 'final' AND NOT bilingual AND EXISTS (SELECT 1 FROM who) FOR UPDATE
), prev AS (
    SELECT updated_by, updated_at FROM sections WHERE proposal_id = (SELECT id FROM target) AND section_key = 'epidemiology'
), saved AS (
    UPDATE sections SET version = version + 1,
        fields = '{"hiv-hcv-epidemiology": "' || repeat('Сообщество ЛУИН участвует в работе СКМ. ', 20) || '"}',
        updated_at = now(), updated_by = (SELECT user_id FROM who)
    WHERE proposal_id = (SELECT id FROM target) AND section_key = 'epidemiology' AND EXISTS (SELECT 1 FROM open)
    RETURNING version, fields
), revision AS (
    INSERT INTO revisions (proposal_id, section_key, number, fields, created_at, created_by)
    SELECT (SELECT id FROM target), 'epidemiology', version, fields, now(), :usr FROM saved
), touched AS (
    UPDATE proposals SET updated_at = now() WHERE id = (SELECT id FROM target) AND EXISTS (SELECT 1 FROM saved)
), logged AS (
    INSERT INTO activity (proposal_id, actor_id, kind, subject, detail, created_at)
    SELECT (SELECT id FROM target), :usr, 'section_saved', 'epidemiology', '', now() FROM saved
    WHERE NOT EXISTS (SELECT 1 FROM prev WHERE updated_by = :usr AND updated_at > now() - interval '15 minutes')
)
SELECT (SELECT count(*) FROM saved) AS saved, (SELECT count(*) FROM open) AS open;
WITH target AS (
    SELECT proposal_id AS id FROM members WHERE user_id = :usr ORDER BY proposal_id OFFSET :c2 LIMIT 1
), who AS (
    SELECT sessions.user_id FROM sessions JOIN members ON members.user_id = sessions.user_id AND members.proposal_id = (SELECT id FROM target)
    WHERE sessions.token_hash = :th AND sessions.expires_at > now() AND members.role IN ('owner','editor')
), open AS (
    SELECT id FROM proposals WHERE id = (SELECT id FROM target) AND status <> 'final' AND NOT bilingual AND EXISTS (SELECT 1 FROM who) FOR UPDATE
), prev AS (
    SELECT updated_by, updated_at FROM sections WHERE proposal_id = (SELECT id FROM target) AND section_key = 'epidemiology'
), saved AS (
    UPDATE sections SET version = version + 1,
        fields = '{"hiv-hcv-epidemiology": "' || repeat('Сообщество ЛУИН участвует в работе СКМ. ', 20) || '"}',
        updated_at = now(), updated_by = (SELECT user_id FROM who)
    WHERE proposal_id = (SELECT id FROM target) AND section_key = 'epidemiology' AND EXISTS (SELECT 1 FROM open)
    RETURNING version, fields
), revision AS (
    INSERT INTO revisions (proposal_id, section_key, number, fields, created_at, created_by)
    SELECT (SELECT id FROM target), 'epidemiology', version, fields, now(), :usr FROM saved
), touched AS (
    UPDATE proposals SET updated_at = now() WHERE id = (SELECT id FROM target) AND EXISTS (SELECT 1 FROM saved)
), logged AS (
    INSERT INTO activity (proposal_id, actor_id, kind, subject, detail, created_at)
    SELECT (SELECT id FROM target), :usr, 'section_saved', 'epidemiology', '', now() FROM saved
    WHERE NOT EXISTS (SELECT 1 FROM prev WHERE updated_by = :usr AND updated_at > now() - interval '15 minutes')
)
SELECT (SELECT count(*) FROM saved) AS saved, (SELECT count(*) FROM open) AS open;
WITH target AS (
    SELECT proposal_id AS id FROM members WHERE user_id = :usr ORDER BY proposal_id OFFSET :c3 LIMIT 1
), who AS (
    SELECT sessions.user_id FROM sessions JOIN members ON members.user_id = sessions.user_id AND members.proposal_id = (SELECT id FROM target)
    WHERE sessions.token_hash = :th AND sessions.expires_at > now() AND members.role IN ('owner','editor')
), open AS (
    SELECT id FROM proposals WHERE id = (SELECT id FROM target) AND status <> 'final' AND NOT bilingual AND EXISTS (SELECT 1 FROM who) FOR UPDATE
), prev AS (
    SELECT updated_by, updated_at FROM sections WHERE proposal_id = (SELECT id FROM target) AND section_key = 'epidemiology'
), saved AS (
    UPDATE sections SET version = version + 1,
        fields = '{"hiv-hcv-epidemiology": "' || repeat('Сообщество ЛУИН участвует в работе СКМ. ', 20) || '"}',
        updated_at = now(), updated_by = (SELECT user_id FROM who)
    WHERE proposal_id = (SELECT id FROM target) AND section_key = 'epidemiology' AND EXISTS (SELECT 1 FROM open)
    RETURNING version, fields
), revision AS (
    INSERT INTO revisions (proposal_id, section_key, number, fields, created_at, created_by)
    SELECT (SELECT id FROM target), 'epidemiology', version, fields, now(), :usr FROM saved
), touched AS (
    UPDATE proposals SET updated_at = now() WHERE id = (SELECT id FROM target) AND EXISTS (SELECT 1 FROM saved)
), logged AS (
    INSERT INTO activity (proposal_id, actor_id, kind, subject, detail, created_at)
    SELECT (SELECT id FROM target), :usr, 'section_saved', 'epidemiology', '', now() FROM saved
    WHERE NOT EXISTS (SELECT 1 FROM prev WHERE updated_by = :usr AND updated_at > now() - interval '15 minutes')
)
SELECT (SELECT count(*) FROM saved) AS saved, (SELECT count(*) FROM open) AS open;
\endpipeline
