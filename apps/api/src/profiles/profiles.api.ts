import type { ApiSlice } from '../common/api-slice';
import { AliasController } from './alias.controller';
import { AttributesController } from './attributes.controller';
import { ImportsController } from './imports.controller';

/** Profiles, declared attribute types and CSV imports. */
export const PROFILES_API: ApiSlice = {
  controllers: [AliasController, AttributesController, ImportsController],
  providers: [],
};
