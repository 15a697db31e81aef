# CVPDF_STATIC_DEPS (ON by default): link ICU, yaml-cpp, cmark and libhyphen from the static
# archives their Debian -dev packages ship (libicu-dev, libyaml-cpp-dev, libcmark-dev,
# libhyphen-dev: already in scripts/setup.sh) instead of their shared objects (issue 9).
#
# Why: start-up is a large share of a 2-page render. Each shared object costs the dynamic
# loader a mapping and symbol relocations (ICU's alone thousands), and pages of its own; linked
# statically only the objects cvpdf calls come in, relocated at link time. Measured on the seed
# CV (en): 124.5 M -> 119.5 M instructions, peak RSS -1.4 MiB, page faults 1 607 -> 1 540; the
# binary grows from 4 to 40 MB (ICU's data, of which the pages read are mapped).
#
# Only libraries that no shared library we load also links: PoDoFo brings its own zlib, libpng,
# FreeType and fontconfig, HarfBuzz its FreeType, and a static copy beside a shared one of the
# same library would give the process two copies with separate state. Those stay shared, as do
# PoDoFo and HarfBuzz (Debian ships no archives of them) and libstdc++ (PoDoFo's).
#
# Sets CVPDF_ICU_UC, CVPDF_ICU_I18N, CVPDF_YAML_CPP, CVPDF_CMARK and HYPHEN_LIBRARY to what the
# modules link: the static archives, or the usual imported targets with the option OFF.
option(CVPDF_STATIC_DEPS "Link ICU, yaml-cpp, cmark and libhyphen statically (faster start-up)" ON)

set(CVPDF_ICU_UC ICU::uc ICU::data)
set(CVPDF_ICU_I18N ICU::i18n ICU::uc ICU::data)
set(CVPDF_YAML_CPP yaml-cpp)
set(CVPDF_CMARK PkgConfig::CMARK)
if(NOT CVPDF_STATIC_DEPS)
  return()
endif()

find_package(Threads REQUIRED)

# cvpdf_static_import(TARGET ARCHIVE INCLUDE_DIRS LINK_LIBRARIES): an imported static library.
function(cvpdf_static_import target archive includes deps)
  find_library(CVPDF_${archive}_A NAMES lib${archive}.a REQUIRED
               DOC "static archive of ${archive} (CVPDF_STATIC_DEPS)")
  add_library(${target} STATIC IMPORTED GLOBAL)
  set_target_properties(${target} PROPERTIES
    IMPORTED_LOCATION "${CVPDF_${archive}_A}"
    INTERFACE_INCLUDE_DIRECTORIES "${includes}"
    INTERFACE_LINK_LIBRARIES "${deps}")
endfunction()

# ICU: i18n needs uc, uc needs the data archive, threads and dlopen.
cvpdf_static_import(cvpdf_static::icudata icudata "${ICU_INCLUDE_DIRS}" "")
cvpdf_static_import(cvpdf_static::icuuc icuuc "${ICU_INCLUDE_DIRS}"
                    "cvpdf_static::icudata;Threads::Threads;${CMAKE_DL_LIBS}")
cvpdf_static_import(cvpdf_static::icui18n icui18n "${ICU_INCLUDE_DIRS}" "cvpdf_static::icuuc")
get_target_property(yaml_includes yaml-cpp INTERFACE_INCLUDE_DIRECTORIES)
cvpdf_static_import(cvpdf_static::yaml-cpp yaml-cpp "${yaml_includes}" "")
cvpdf_static_import(cvpdf_static::cmark cmark "${CMARK_INCLUDE_DIRS}" "")
find_library(HYPHEN_STATIC_LIBRARY NAMES libhyphen.a REQUIRED)

set(CVPDF_ICU_UC cvpdf_static::icuuc)
set(CVPDF_ICU_I18N cvpdf_static::icui18n)
set(CVPDF_YAML_CPP cvpdf_static::yaml-cpp)
set(CVPDF_CMARK cvpdf_static::cmark)
set(HYPHEN_LIBRARY ${HYPHEN_STATIC_LIBRARY})
