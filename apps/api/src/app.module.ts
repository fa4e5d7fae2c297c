import { Module, type DynamicModule } from '@nestjs/common';
import type { Engine } from '@rapport/engine';
import { ApiKeyGuard, WriteKeyGuard } from './common/auth.guards';
import { ENGINE } from './common/engine.token';
import { TrackingRateLimitGuard } from './common/rate-limit.guard';
import { CouponsController } from './coupons/coupons.controller';
import { CustomersController } from './customers/customers.controller';
import { TimelineService } from './customers/timeline.service';
import { HealthController } from './health/health.controller';
import { JourneyService } from './journeys/journey.service';
import { JourneysController } from './journeys/journeys.controller';
import { TemplatePreviewService } from './templates/template-preview.service';
import { TemplatesController } from './templates/templates.controller';
import { EmailPartsController } from './templates/email-parts.controller';
import { SettingsController } from './settings/settings.controller';
import { ChannelsController } from './settings/channels.controller';
import { TestClockController } from './test-clock/test-clock.controller';
import { SmsStatusController } from './provider-callbacks/sms-status.controller';
import { TrackingController } from './tracking/tracking.controller';
import { SeenEventsController } from './tracking/seen-events.controller';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { SHOP_WEBHOOKS_API } from './shop-webhooks/shop-webhooks.api';
import { INSIGHTS_API } from './insights/insights.api';
import { AUDIENCES_API } from './audiences/audiences.api';
import { PROFILES_API } from './profiles/profiles.api';
import { ACCOUNTS_API } from './accounts/accounts.api';
import { JOURNEY_LIVE_API } from './journeys/journey-live.api';

const SLICES = [SHOP_WEBHOOKS_API, INSIGHTS_API, AUDIENCES_API, PROFILES_API, ACCOUNTS_API, JOURNEY_LIVE_API];

/** Thin shell: the engine is built outside Nest and handed in; controllers only translate HTTP. */
@Module({})
export class AppModule {
  static forEngine(engine: Engine): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        HealthController,
        TrackingController,
        SeenEventsController,
        JourneysController,
        TemplatesController,
        EmailPartsController,
        CustomersController,
        TestClockController,
        SettingsController,
        ChannelsController,
        CouponsController,
        UnsubscribeController,
        SmsStatusController,
        ...SLICES.flatMap((slice) => slice.controllers),
      ],
      providers: [
        { provide: ENGINE, useValue: engine },
        JourneyService,
        TimelineService,
        TemplatePreviewService,
        ApiKeyGuard,
        WriteKeyGuard,
        TrackingRateLimitGuard,
        ...SLICES.flatMap((slice) => slice.providers),
      ],
    };
  }
}
