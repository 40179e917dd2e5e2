import { Module } from '@nestjs/common';
import { MyDayResolver } from './my-day.resolver';

@Module({ providers: [MyDayResolver] })
export class MyDayModule {}
