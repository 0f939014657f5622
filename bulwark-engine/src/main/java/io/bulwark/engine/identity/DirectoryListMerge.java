package io.bulwark.engine.identity;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.command.QueryShape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Merges a directory's entries into a database list page (A8, W8): one order over both, the total
 * of both. The directory's entries (at most a directory's search limit, already filtered, shown to
 * the actor and not shadowed by a database row of the same ID) are few; the database's may be many.
 * An entry of the merged list at position p has at most {@code d} directory entries before it, so
 * the database rows of the page lie in the window from {@code firstResult - d} of {@code maxResults
 * + d} rows; that window and the directory entries are sorted together by the database itself
 * ({@link SortKeysCommand}), so the merged order is the database's own. Stateless.
 *
 * @param <T> a user or a group
 */
final class DirectoryListMerge<T> {

  /** Sorts (keys, IDs) as the database orders its rows; returns the indexes in order. */
  interface Sorter {
    int[] sort(List<String> keys, List<String> ids, SortOrder order);
  }

  private final Function<T, String> id;
  private final Function<T, String> key;
  private final Sorter sorter;

  DirectoryListMerge(Function<T, String> id, Function<T, String> key, Sorter sorter) {
    this.id = id;
    this.key = key;
    this.sorter = sorter;
  }

  /**
   * @param directory the directory's entries to show
   * @param database a page of the database's rows: (firstResult, maxResults) to the page
   */
  Page<T> page(
      List<T> directory,
      SortOrder order,
      int firstResult,
      int maxResults,
      BiFunction<Integer, Integer, Page<T>> database) {
    if (directory.isEmpty()) {
      return database.apply(firstResult, maxResults);
    }
    int d = directory.size();
    int offset = Math.max(0, firstResult - d);
    List<T> window = new ArrayList<>();
    long databaseTotal = -1;
    int wanted = maxResults + d;
    while (window.size() < wanted) {
      int chunk = Math.min(wanted - window.size(), QueryShape.DEFAULT_MAX_PAGE_SIZE);
      Page<T> part = database.apply(offset + window.size(), chunk);
      databaseTotal = part.total();
      window.addAll(part.items());
      if (part.items().size() < chunk) {
        break;
      }
    }
    long total = databaseTotal + d;
    if (window.isEmpty() && offset > 0) {
      // Every database row comes before the offset, so the merged list ends before firstResult.
      return new Page<>(List.of(), total);
    }
    List<T> all = new ArrayList<>(window);
    all.addAll(directory);
    int[] sorted =
        sorter.sort(all.stream().map(key).toList(), all.stream().map(id).toList(), order);
    // The merged position of the window's first row is offset plus the directory entries before
    // it; entries before it are before firstResult (see the class comment).
    int start = 0;
    if (offset > 0) {
      while (sorted[start] != 0) {
        start++;
      }
    }
    List<T> page = new ArrayList<>();
    long position = (long) offset + start;
    for (int i = start; i < sorted.length && page.size() < maxResults; i++, position++) {
      if (position >= firstResult) {
        page.add(all.get(sorted[i]));
      }
    }
    return new Page<>(page, total);
  }
}
