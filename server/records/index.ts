export { RecordService, toInfo, type RecordServiceOptions } from './RecordService.ts';
export { minutesHtml, type MinutesLang } from './minutes.ts';
export { boardPictureSvg } from './boardPicture.ts';
