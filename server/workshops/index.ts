export { WorkshopService, newJoinCode, type WorkshopError, type WorkshopResult, type WorkshopServiceOptions } from './WorkshopService.ts';
