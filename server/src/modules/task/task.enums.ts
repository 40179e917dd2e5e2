import { registerEnumType } from '@nestjs/graphql';

export enum TaskStatus { open = 'open', done = 'done', cancelled = 'cancelled' }
registerEnumType(TaskStatus, { name: 'TaskStatus' });
