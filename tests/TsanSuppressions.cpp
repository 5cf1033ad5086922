// Linked into every test under -DLOOPSCOPE_TSAN=ON. Qt's libraries are not built with
// ThreadSanitizer, so it sees only part of their synchronisation (the pthread calls,
// not the atomics around them) and reports races inside Qt, e.g. QtTest's watchdog
// thread and its QWaitCondition. Calls made from inside Qt are therefore ignored; races
// in loopscope's own (instrumented) code still fail the tests.
extern "C" const char* __tsan_default_suppressions() {
    return "called_from_lib:libQt6Core.so.6\n"
           "called_from_lib:libQt6Test.so.6\n";
}
