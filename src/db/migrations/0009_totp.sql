-- 等保2.0 双因素认证: TOTP (RFC 6238) for staff; required for agency and system administrators.
alter table users add column totp_secret_enc text;
alter table users add column totp_enabled boolean not null default false;
-- The last accepted time step: a code is accepted once (no replay within its 30-second window).
alter table users add column totp_last_step bigint;
