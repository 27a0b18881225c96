export { RecordService, toInfo, type RecordServiceOptions } from './RecordService.ts';
export { minutesHtml, printedMoment, type MinutesFormat, type MinutesLang } from './minutes.ts';
export { boardPictureSvg } from './boardPicture.ts';
