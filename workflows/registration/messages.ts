import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ApproveRegistrationArgs, RegistrationView, ReturnRegistrationArgs, SetEntriesArgs, SubmitRegistrationArgs } from '@vinhdanh/domain/movement/registration';

export const setEntriesUpdate = defineUpdate<RegistrationView, [SetEntriesArgs]>('setEntries');
export const submitRegistrationUpdate = defineUpdate<RegistrationView, [SubmitRegistrationArgs]>('submitRegistration');
export const approveRegistrationUpdate = defineUpdate<RegistrationView, [ApproveRegistrationArgs]>('approveRegistration');
export const returnRegistrationUpdate = defineUpdate<RegistrationView, [ReturnRegistrationArgs]>('returnRegistration');
export const registrationQuery = defineQuery<RegistrationView>('registration');
