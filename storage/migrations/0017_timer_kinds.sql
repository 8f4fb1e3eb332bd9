-- Pending timers of some kinds that are due (issue 18). The scheduler fires the kinds that
-- collect the others' work (notices, reminders) only once no timer of another kind is due;
-- with thousands of reminders due at once (07:00, when quiet hours end) that look walked
-- every due reminder through timers_due, 28 ms per page of 500 with 33,000 due.
CREATE INDEX timers_kind_due ON timers (kind, due_at) WHERE done = 0;
