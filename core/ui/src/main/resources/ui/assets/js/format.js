// Numbers and dates in the chosen language (Dutch: 1.000,5 and 30 sep 2026), with Intl.

import {locale, t} from './i18n.js';

const DAYS_PER_MONTH = 30.436875;

/** Whole numbers from 10.000 on, one decimal from 10, two below that. */
function digits(value) {
  const size = Math.abs(value);
  return size >= 10000 ? 0 : size >= 10 ? 1 : 2;
}

export function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

export function number(value, options) {
  if (!isNumber(value)) {
    return t('value.unknown');
  }
  return new Intl.NumberFormat(locale(), {maximumFractionDigits: digits(value), ...options}).format(value);
}

/** A value with its unit: "15.064 woningen", "45%". */
export function quantity(value, unit) {
  if (!isNumber(value)) {
    return t('value.unknown');
  }
  if (!unit) {
    return number(value);
  }
  return unit === '%' ? `${number(value)}%` : `${number(value)} ${unit}`;
}

export function percent(share) {
  if (!isNumber(share)) {
    return t('value.unknown');
  }
  return new Intl.NumberFormat(locale(), {style: 'percent', maximumFractionDigits: 0}).format(share);
}

function parse(isoDate) {
  return new Date(`${String(isoDate).slice(0, 10)}T00:00:00Z`);
}

export function date(isoDate) {
  if (!isoDate) {
    return t('value.unknown');
  }
  return new Intl.DateTimeFormat(locale(), {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'})
    .format(parse(isoDate));
}

export function monthYear(isoDate) {
  if (!isoDate) {
    return t('value.unknown');
  }
  return new Intl.DateTimeFormat(locale(), {month: 'long', year: 'numeric', timeZone: 'UTC'}).format(parse(isoDate));
}

export function dateTime(instant) {
  if (!instant) {
    return t('value.unknown');
  }
  return new Intl.DateTimeFormat(locale(), {dateStyle: 'medium', timeStyle: 'short'}).format(new Date(instant));
}

export function time(instant) {
  return new Intl.DateTimeFormat(locale(), {timeStyle: 'short'}).format(instant ? new Date(instant) : new Date());
}

/** An axis label for a point in time (milliseconds): the year, or month and year. */
export function axisDate(millis) {
  const moment = new Date(millis);
  const options = moment.getMonth() === 0 && moment.getDate() === 1 ? {year: 'numeric'} : {month: 'short', year: 'numeric'};
  return new Intl.DateTimeFormat(locale(), options).format(moment);
}

/**
 * Two paces (per day) in one readable unit: per day when either is at least one a day, else per month when either
 * is at least one a month, else per year.
 */
export function paces(requiredPerDay, actualPerDay) {
  const largest = Math.max(Math.abs(requiredPerDay || 0), Math.abs(actualPerDay || 0));
  const factor = largest >= 1 ? 1 : largest * DAYS_PER_MONTH >= 1 ? DAYS_PER_MONTH : DAYS_PER_MONTH * 12;
  const per = factor === 1 ? 'day' : factor === DAYS_PER_MONTH ? 'month' : 'year';
  const scale = value => (isNumber(value) ? value * factor : null);
  return {required: scale(requiredPerDay), actual: scale(actualPerDay), per};
}
