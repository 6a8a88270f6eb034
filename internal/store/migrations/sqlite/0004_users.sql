-- Staff accounts in the desk. The audit log is read by user (the audit
-- page's user filter, newest first) and by action (when each user last
-- signed in, on the users page); without these indexes both read the
-- whole log, which only grows.
CREATE INDEX audit_log_by_user ON audit_log (user_id, id);
CREATE INDEX audit_log_by_action ON audit_log (action, user_id, id);
