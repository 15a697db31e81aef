// core/parallel.h — running independent tasks on a few threads (issue 9).
//
// Takes a list of tasks and a number of threads; runs every task exactly once, the calling
// thread among the workers, and returns when all are done. Guarantees: with `threads` <= 1 or
// one task, no thread is started and the tasks run in order on the caller; the first exception
// a task throws (in task order) is rethrown once every task has finished; tasks must not share
// what they write (each writes its own slot of a result vector, say), so results never depend
// on which thread ran what.
#pragma once

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

namespace cvpdf::core {

inline void run_tasks(const std::vector<std::function<void()>>& tasks, unsigned threads) {
  std::vector<std::exception_ptr> errors(tasks.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < tasks.size(); i = next++) {
      try {
        tasks[i]();
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  // The caller is one worker; no more workers than tasks.
  const std::size_t workers = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(1, tasks.size()));
  {
    std::vector<std::jthread> pool;
    pool.reserve(workers - 1);
    for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
    work();
  }  // joins the helpers
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace cvpdf::core
