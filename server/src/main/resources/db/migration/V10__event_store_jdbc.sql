-- The JDBC event storage engine leaves the global index out of its INSERT and lets the column number the event,
-- from the same sequence that Hibernate drew from before; events written either way keep one order.
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('domain_event_entry_seq');
ALTER SEQUENCE domain_event_entry_seq OWNED BY domain_event_entry.global_index;
