package com.kam.pipeline.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Keeps the N deals with the largest contribution seen, cheaply (a bounded min-heap). */
final class TopContributors {

    record Entry(Deal deal, double contribution) {
    }

    private static final Comparator<Entry> ORDER =
            Comparator.comparingDouble(Entry::contribution).thenComparing(e -> e.deal().id(), Comparator.reverseOrder());

    private final int size;
    private final PriorityQueue<Entry> heap;

    TopContributors(int size) {
        this.size = size;
        this.heap = new PriorityQueue<>(Math.max(1, size), ORDER);
    }

    void offer(Deal deal, double contribution) {
        if (size == 0 || contribution <= 0) {
            return;
        }
        Entry e = new Entry(deal, contribution);
        if (heap.size() < size) {
            heap.add(e);
        } else if (ORDER.compare(e, heap.peek()) > 0) {
            heap.poll();
            heap.add(e);
        }
    }

    /** Largest first; ties by opportunity id. */
    List<Entry> ranked() {
        List<Entry> list = new ArrayList<>(heap);
        list.sort(ORDER.reversed());
        return list;
    }
}
