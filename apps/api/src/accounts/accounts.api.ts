import { AccountService, type Engine } from '@rapport/engine';
import type { ApiSlice } from '../common/api-slice';
import { ENGINE } from '../common/engine.token';
import { AuthController } from './auth.controller';
import { LocaleController } from './locale.controller';
import { LoginThrottle } from './login-throttle';
import { MembersController } from './members.controller';

/** Marketers signing in: sessions, CSRF, members and their roles. */
export const ACCOUNTS_API: ApiSlice = {
  controllers: [AuthController, MembersController, LocaleController],
  providers: [
    {
      provide: AccountService,
      inject: [ENGINE],
      useFactory: (engine: Engine) => new AccountService(engine.db, engine.clock),
    },
    LoginThrottle,
  ],
};
