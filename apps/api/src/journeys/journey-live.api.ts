import type { ApiSlice } from '../common/api-slice';
import { JourneyLiveController } from './journey-live.controller';
import { JourneyLiveService } from './journey-live.service';

/** Live numbers on the canvas: a server-sent stream of counts per step and branch, and who waits at a step. */
export const JOURNEY_LIVE_API: ApiSlice = { controllers: [JourneyLiveController], providers: [JourneyLiveService] };
