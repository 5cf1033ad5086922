# Writes OUTPUT, a C++ file that holds every .js file under LIBRARY_DIR as a string view
# (names relative to LIBRARY_DIR, without ".js"). Run as `cmake -P` at build time.
file(GLOB_RECURSE sources RELATIVE "${LIBRARY_DIR}" "${LIBRARY_DIR}/*.js")
list(SORT sources)
set(body "// Generated from core/javascript/lib by cmake/EmbedJavaScriptLibrary.cmake.\n")
string(APPEND body "#include \"JsLibrary.h\"\n\nnamespace loopscope {\n\nconst std::vector<JsLibraryFile>& jsLibraryFiles() {\n")
string(APPEND body "    static const std::vector<JsLibraryFile> files = {\n")
foreach(source IN LISTS sources)
    file(READ "${LIBRARY_DIR}/${source}" text)
    string(REGEX REPLACE "\\.js$" "" name "${source}")
    # Raw string pieces stay below compilers' literal limits; the delimiter cannot occur in JS.
    string(APPEND body "        {\"${name}\", std::string_view(R\"JSLIB(${text})JSLIB\")},\n")
endforeach()
string(APPEND body "    };\n    return files;\n}\n\n")
string(APPEND body "const JsLibraryFile* jsLibraryFile(std::string_view name) {\n")
string(APPEND body "    for (const JsLibraryFile& file : jsLibraryFiles())\n        if (file.name == name)\n            return &file;\n    return nullptr;\n}\n\n}  // namespace loopscope\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
