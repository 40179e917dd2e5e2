import { computed, inject, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { map } from 'rxjs';

export interface Dimension<T extends string> {
  value: T;
  label: string;
}

export interface GroupBy<T extends string> {
  /** The dimension in the URL (`?by=`), or the fallback. */
  by: Signal<T>;
  /** Its label as a column heading ("Department") and in a sentence ("department"). */
  heading: Signal<string>;
  label: Signal<string>;
  /** Puts another dimension in the URL, keeping the filters. */
  set(by: T): void;
}

/** What a report groups its figures by, kept in the URL so a view can be shared. Call in an injection context. */
export function groupByFromUrl<T extends string>(dimensions: readonly Dimension<T>[], fallback: T): GroupBy<T> {
  const router = inject(Router);
  const by = toSignal(inject(ActivatedRoute).queryParamMap.pipe(map((p) => dimensions.find((d) => d.value === p.get('by'))?.value ?? fallback)), {
    requireSync: true,
  });
  const heading = computed(() => dimensions.find((d) => d.value === by())?.label ?? '');
  return {
    by,
    heading,
    label: computed(() => heading().toLowerCase()),
    set: (value) => void router.navigate([], { queryParams: { by: value }, queryParamsHandling: 'merge', replaceUrl: true }),
  };
}
