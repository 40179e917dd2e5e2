import { Module } from '@nestjs/common';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { UserResolver } from './user.resolver';
import { UserAccessService } from './user-access.service';
import { UserService } from './user.service';

@Module({ providers: [UserService, UserAccessService, AuthService, LoginThrottle, UserResolver], exports: [UserService, AuthService] })
export class UserModule {}
