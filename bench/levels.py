import sys, json, numpy as np
sys.path.insert(0, '.')
from bench import datasets as D
from fusediff.engine.scaling import SceneScale
out = {}
for r in (2, 4):
    v = []
    for s in D.LANDSAT_TRAIN + D.LANDSAT_TEST:
        c = D.landsat_wald(s, r)
        v.append(SceneScale.from_inputs([(c["pan"], None), (c["ms"], None)]).maximum)
    tr = np.array(v[:30]); te = np.array(v[30:])
    out[f"landsat_r{r}"] = dict(train_median=float(np.median(tr)), train_mean=float(tr.mean()), train_min=float(tr.min()), train_max=float(tr.max()),
                               train_geomean=float(np.exp(np.log(tr).mean())), test=[round(x,4) for x in te])
for proto in ("HM", "HP"):
    for n in ("jasper", "samson", "paris"):
        c = D.hm_case(n, 0) if proto == "HM" else D.hp_case(n)
        hi = c["msi"] if proto == "HM" else c["pan"]
        out[f"{proto}_{n}"] = SceneScale.from_inputs([(hi, None), (c["hsi"], None)]).maximum
print(json.dumps(out, indent=1))
