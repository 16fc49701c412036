// The ingest body is part of the shared hub contract (the hall's pusher builds it).
export {
  HUB_MAX_BATCH as MAX_BATCH,
  HubIngestBody as IngestBody,
  HubIngestEvent as IngestEvent,
  HubHallInfo as HallInfo,
  HubLiveInfo as LiveInfo,
  isValidTimeZone,
} from '@hallq/shared';
