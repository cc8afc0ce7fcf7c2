import type { ErasureSubject } from '../api/types';

/** Whose data an erasure destroyed, as the cabinet names them. */
export const SUBJECTS: Record<ErasureSubject, string> = {
  PARTICIPANT: 'участник',
  APPLICANT: 'контактное лицо заявителя',
  SIGNATORY: 'подписант договора',
  APPLICATION: 'файлы и свободные тексты заявки',
};
