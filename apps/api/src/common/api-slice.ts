import type { Provider, Type } from '@nestjs/common';

/** The controllers and providers of one area of the API, listed in its own folder and spread into AppModule. */
export type ApiSlice = { controllers: Type[]; providers: Provider[] };
