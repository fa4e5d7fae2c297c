// End-to-end files boot real processes; Jest's testTimeout is global-only, so each e2e file gets it here.
jest.setTimeout(90_000);
