export * from './api-client';
export * from './realtime';
export * from './pairing';
export * from './hub-pusher';
export * from './hall-connection';
export * from './me';
export * from './latest-read';
export * from './ticket-feed';
export { isServerAddressOnly, SERVER_ADDRESS_ONLY } from './server-address';
