import type { components } from './schema';

type Schemas = components['schemas'];

/**
 * The generated types mark every field optional, because the server's records carry no required/nullable
 * annotations. The server writes every field of a view, null when empty; `Present` names those that are never null,
 * the rest may be null. A field renamed or removed on the server still breaks the build here.
 */
type Present<T, K extends keyof T> = { [P in K]-?: NonNullable<T[P]> } & {
  [P in Exclude<keyof T, K>]-?: NonNullable<T[P]> | null;
};

export type Priority = NonNullable<Schemas['TaskView']['priority']>;
export type DueDate = Present<Schemas['DueDate'], 'date' | 'timeZone'>;
export type TagRef = Present<Schemas['TagRef'], 'id' | 'name'>;
export type ReminderView = Present<Schemas['ReminderView'], 'id'>;
export type TaskView = Omit<
  Present<Schemas['TaskView'], 'id' | 'title' | 'status' | 'priority' | 'tags' | 'createdAt' | 'updatedAt' | 'version'>,
  'due' | 'tags' | 'reminders'
> & { due: DueDate | null; tags: TagRef[]; reminders: ReminderView[] | null };
export type TaskPage = { items: TaskView[]; nextCursor: string | null; total?: number };
export type TagView = Present<Schemas['TagView'], 'id' | 'name' | 'taskCount'>;
export type SeriesView = Omit<
  Present<Schemas['SeriesView'], 'id' | 'title' | 'priority' | 'rule' | 'mode' | 'timeZone' | 'start' | 'occurrenceCount' | 'status' | 'version'>,
  'start' | 'nextDue'
> & { start: DueDate; nextDue: DueDate | null };
export type RecurrenceMode = SeriesView['mode'];
export type RecurrencePreview = Present<Schemas['RecurrencePreview'], 'rule' | 'occurrences'>;
export type CreateTaskRequest = Schemas['CreateTaskRequest'];
export type UpdateTaskRequest = Omit<Schemas['UpdateTaskRequest'], 'due'> & { due?: Schemas['DueDate'] | null };
export type UpdateSeriesRequest = Schemas['UpdateSeriesRequest'];
export type WriteResult = Present<Schemas['WriteResult'], 'id' | 'version'>;
export type CreateResult = WriteResult & { seriesId?: string };
export type Session = Present<Schemas['Session'], 'userId' | 'email' | 'expiresAt'>;
export type ErrorCode = NonNullable<Schemas['Problem']['code']>;
export type Problem = Schemas['Problem'];
export type NotificationView = Present<Schemas['NotificationView'], 'id' | 'taskId' | 'title' | 'scheduledAt' | 'deliveredAt'>;
export type NotificationPage = { items: NotificationView[]; nextCursor: string | null; unreadCount: number };
export type FieldChange = Present<Schemas['FieldChange'], 'field'>;
export type HistoryEntry = Omit<Present<Schemas['HistoryEntry'], 'sequence' | 'type' | 'at' | 'summary'>, 'changes'>
  & { changes: FieldChange[] | null };
export type HistoryPage = { items: HistoryEntry[]; nextCursor: string | null };
export type AppToken = Present<Schemas['AppToken'], 'id' | 'name' | 'createdAt' | 'expiresAt'>;
export type NewAppToken = Present<Schemas['NewAppToken'], 'id' | 'name' | 'createdAt' | 'expiresAt' | 'token'>;
