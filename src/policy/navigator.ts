// The discretion navigator (裁量导航, 执法精灵, 待复核):
// - assess: every role that decides or supervises cases — officers, agency staff, supervisors, admins
//   (the history it shows is read through the records scope of the asker). The invited supervisor and
//   the discipline liaison see figures and the records their clues cite, not the case history a
//   navigator draws on.
// - guide (one case's assessment and procedure due): whoever may read that case (recordScope, applied
//   by the capability's query).
// - review (the list of flagged decisions): the supervising office and the admin of the region.
import { ROLE_LABELS } from '../auth/caller.ts';
import { definePolicy } from './policy.ts';

export const navigatorPolicy = definePolicy<object, 'assess' | 'guide' | 'review'>({
  actions: ['assess', 'guide', 'review'],
  check(caller, action) {
    if (caller.role === 'invited_supervisor' || caller.role === 'discipline_liaison') return `${ROLE_LABELS[caller.role]}不使用裁量导航`;
    if (action === 'review' && caller.role !== 'supervisor' && caller.role !== 'admin') return '待复核清单仅监督员可以查看';
    return null;
  },
});
