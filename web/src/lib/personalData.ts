import type { ErasureBasis, ErasureSubject } from '../api/types';

/** Whose data an erasure destroyed, as the cabinet names them. */
export const SUBJECTS: Record<ErasureSubject, string> = {
  PARTICIPANT: 'участник',
  APPLICANT: 'контактное лицо заявителя',
  SIGNATORY: 'подписант договора',
  APPLICATION: 'файлы и свободные тексты заявки',
};

/** The ground of an erasure, as staff choose it. */
export const BASES: Record<ErasureBasis, string> = {
  CONSENT_WITHDRAWN: 'отзыв согласия на обработку',
  PURPOSE_ACHIEVED: 'достижение цели обработки',
  RETENTION_EXPIRED: 'истечение срока хранения',
};
