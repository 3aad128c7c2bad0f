// The one source of each gatehouse-PART-layering shared object (core/CMakeLists.txt): its content is the whole of the
// part's static library, linked with only the parts it depends on, so that this file itself needs nothing.
namespace gatehouse::layering { }
