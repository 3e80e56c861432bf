// What was wrong with a dues request, by key (locales/*.json, `dues.errors.*`): the Discord layer says it in the
// member's language. Options are named as members type them.
import { msg, type MessageRef } from '../shared/errors.js';
import { formatMoney, type AmountProblem } from './money.rules.js';

export const problems = {
  /** `planCurrency`: the amount was typed in the plan's currency, which the sentence then names. */
  amount(problem: AmountProblem, planCurrency?: string): MessageRef {
    const plan = planCurrency ? 'yes' : 'no';
    switch (problem.kind) {
      case 'not-positive':
        return msg('dues.errors.amountPositive', { plan, currency: planCurrency ?? '' });
      case 'format':
        return msg('dues.errors.amountFormat', { example: problem.digits === 0 ? '1250' : `1250.${'0'.repeat(problem.digits)}`, currency: problem.currency, plan });
      case 'decimals':
        return problem.digits === 0
          ? msg('dues.errors.amountNoDecimals', { currency: problem.currency, plan })
          : msg('dues.errors.amountDecimals', { currency: problem.currency, digits: problem.digits, plan });
      case 'too-large':
        return msg('dues.errors.amountTooLarge', { max: formatMoney(problem.maxMinor, problem.currency), currency: problem.currency, plan });
    }
  },
  currency: msg('dues.errors.currency'),
  dateFormat: (field: string) => msg('dues.errors.dateFormat', { field }),
  dateTooFar: (field: string, future: boolean) => msg('dues.errors.dateTooFar', { field, future: future ? 'yes' : 'no' }),
  space: msg('dues.errors.space'),
  noPlanYet: msg('dues.errors.noPlanYet'),
  notWholePeriods: msg('dues.errors.notWholePeriods'),
  organizersOnly: (action: 'plan' | 'record' | 'correct' | 'export') => msg('dues.errors.organizersOnly', { action }),
  noSuchEntry: (entry: number) => msg('dues.errors.noSuchEntry', { entry }),
  reversalOfReversal: (entry: number) => msg('dues.errors.reversalOfReversal', { entry }),
  alreadyCorrected: (entry: number, by: number) => msg('dues.errors.alreadyCorrected', { entry, by }),
  notYourSpace: msg('dues.errors.notYourSpace'),
};
