-- Two tasks as main's JPA event storage engine stored them on the V1-V7 schema (rows copied from a database that
-- engine wrote; only ids and times changed): Hibernate drew global_index from the sequence itself, the column
-- had no default. Task 1 was created and renamed, task 2 created, completed and reopened.
INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                payload_type, payload_revision, payload, meta_data)
VALUES
(nextval('domain_event_entry_seq'), '9141101f-325f-4579-8d41-8d7d7ffe0c72', '8867b8c8-71a4-458d-854e-fb62ab517adf', 0,
 'Task', '2026-11-26T10:41:43.339Z', 'dev.taskstream.api.tasks.TaskCreated', '1',
 convert_to('{"taskId":"8867b8c8-71a4-458d-854e-fb62ab517adf","ownerId":"9e895f45-c354-4dea-969b-d5fd87e107d3","title":"Bench task 0","description":"written by the write benchmark","due":null,"priority":"MEDIUM","tags":[],"occurrence":null}', 'UTF8'),
 convert_to('{"traceId":"71f73e37-ff19-4ead-9509-a10ff539b7c2","correlationId":"71f73e37-ff19-4ead-9509-a10ff539b7c2","userId":"9e895f45-c354-4dea-969b-d5fd87e107d3"}', 'UTF8')),
(nextval('domain_event_entry_seq'), '18ce3e21-432e-4210-a601-53306c5f0977', '5253ee18-61c5-47c1-8e9c-b12a63ada851', 0,
 'Task', '2026-11-26T10:41:43.355Z', 'dev.taskstream.api.tasks.TaskCreated', '1',
 convert_to('{"taskId":"5253ee18-61c5-47c1-8e9c-b12a63ada851","ownerId":"9e895f45-c354-4dea-969b-d5fd87e107d3","title":"Water the fern","description":null,"due":null,"priority":null,"tags":[],"occurrence":null}', 'UTF8'),
 convert_to('{"traceId":"43093511-32d5-4c6c-b954-d99f29cd2cf3","correlationId":"43093511-32d5-4c6c-b954-d99f29cd2cf3","userId":"9e895f45-c354-4dea-969b-d5fd87e107d3"}', 'UTF8')),
(nextval('domain_event_entry_seq'), '5d68d021-7bdf-40f7-89e6-0a6df4018cf8', '8867b8c8-71a4-458d-854e-fb62ab517adf', 1,
 'Task', '2026-11-26T10:41:44.012Z', 'dev.taskstream.api.tasks.TaskRenamed', '1',
 convert_to('{"taskId":"8867b8c8-71a4-458d-854e-fb62ab517adf","title":"Renamed before the upgrade"}', 'UTF8'),
 convert_to('{"traceId":"15b840ea-36e0-4fcc-bdea-847eacd82b10","correlationId":"15b840ea-36e0-4fcc-bdea-847eacd82b10","userId":"9e895f45-c354-4dea-969b-d5fd87e107d3"}', 'UTF8')),
(nextval('domain_event_entry_seq'), 'c4a3a0d6-0b0e-4a52-9d7e-1f3b8f3e5a11', '5253ee18-61c5-47c1-8e9c-b12a63ada851', 1,
 'Task', '2026-11-26T10:41:44.120Z', 'dev.taskstream.api.tasks.TaskCompleted', '1',
 convert_to('{"taskId":"5253ee18-61c5-47c1-8e9c-b12a63ada851"}', 'UTF8'),
 convert_to('{"traceId":"2b6f1d0e-7c55-4d8e-a6f0-3f7b2c9e8d21","correlationId":"2b6f1d0e-7c55-4d8e-a6f0-3f7b2c9e8d21","userId":"9e895f45-c354-4dea-969b-d5fd87e107d3"}', 'UTF8')),
(nextval('domain_event_entry_seq'), '7e2d9b41-5f3c-4a8e-b1d2-6c0f9a8e7b32', '5253ee18-61c5-47c1-8e9c-b12a63ada851', 2,
 'Task', '2026-11-26T10:41:44.230Z', 'dev.taskstream.api.tasks.TaskReopened', '1',
 convert_to('{"taskId":"5253ee18-61c5-47c1-8e9c-b12a63ada851"}', 'UTF8'),
 convert_to('{"traceId":"9a1c3e5f-2b4d-4f6a-8c0e-1d3f5a7b9c2e","correlationId":"9a1c3e5f-2b4d-4f6a-8c0e-1d3f5a7b9c2e","userId":"9e895f45-c354-4dea-969b-d5fd87e107d3"}', 'UTF8'));

-- The series view and the recurrence saga had seen those five events (their JPA token store wrote these rows).
INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp, owner)
VALUES ('series-view', 0, convert_to('{"index":5,"gaps":[]}', 'UTF8'), 'org.axonframework.eventhandling.GapAwareTrackingToken',
        '2026-11-26T10:55:00.803Z', NULL),
       ('recurrence', 0, convert_to('{"index":5,"gaps":[]}', 'UTF8'), 'org.axonframework.eventhandling.GapAwareTrackingToken',
        '2026-11-26T10:55:03.610Z', NULL);
