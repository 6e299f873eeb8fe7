#pragma once
// Stage-by-stage memory figures for the benchmark and for memory work: when the environment
// variable EDUSYNC_TRACE_MEMORY is set, trace_memory() prints to stderr the bytes the allocator
// holds for the program (mallinfo2) and the process's resident and peak resident sizes.
// Costs one getenv per call otherwise.
namespace edusync {

void trace_memory(const char* stage);

// Gives the pages of freed memory back to the system (glibc's malloc_trim). Called after a
// stage frees much more than the next one allocates (the parsed records once assembled): the
// allocator would otherwise keep them, and the peak resident size would count them twice.
void return_free_memory();

}  // namespace edusync
