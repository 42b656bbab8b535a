<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
  <context>
    <name>FuseDiff</name>
    <message>
      <source>ARGS-Diff HSI-MSI fusion (self-learning subspace diffusion)</source>
      <translation>ARGS-Diff HSI-MSI-Fusion (selbstlernende Unterraum-Diffusion)</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using ARGS-Diff: the result is modelled as coefficient maps times a few basis spectra; two small diffusion models trained on the scene itself (spectra of the HSI, patches of the MSI) are sampled under guidance by both inputs, with an adaptive residual step. No training data is needed. By default both inputs are denoised first and the sampling starts, at a low noise level, from the same subspace estimate as SDP's.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 20 s for MSI crops of 72-96 px at ratio 4 on 1 thread (measured, including training the two models); about 2.5 minutes for a 480 x 480 MSI with a 198-band HSI on 2 threads (measured); it grows with the number of pixels. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Where its quality comes from: the subspace warm start it shares with SDP. The diffusion sampling that follows is about neutral in the project's ablation (-0.4 to -0.07 dB against the warm start alone on three hyperspectral scenes) and takes most of the runtime.&lt;/p&gt;&lt;p&gt;Reference: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</source>
      <translation>&lt;p&gt;Fusioniert ein niedrig aufgelöstes Hyperspektralraster (HSI) mit einem hoch aufgelösten Multispektralraster (MSI) mit ARGS-Diff: Das Ergebnis wird als Koeffizientenkarten mal wenige Basisspektren modelliert; zwei kleine Diffusionsmodelle, die auf der Szene selbst trainiert werden (Spektren des HSI, Ausschnitte des MSI), werden unter Führung durch beide Eingaben abgetastet, mit einem adaptiven Residuenschritt. Es werden keine Trainingsdaten benötigt. Standardmäßig werden beide Eingaben zuerst entrauscht, und die Abtastung beginnt auf einem niedrigen Rauschniveau bei derselben Unterraumschätzung wie bei SDP.&lt;/p&gt;&lt;p&gt;Eingaben: ein HSI mit vielen Bändern (Dutzende bis Hunderte) und ein MSI mit wenigen Bändern (z. B. 3 bis 8), die dasselbe Gebiet abdecken; das Verhältnis ihrer Pixelgrößen ist eine ganze Zahl ab 2 (z. B. 4; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit den Antworten der MSI-Bänder über den HSI-Bändern (eine Zeile je MSI-Band); leer: aus dem Paar geschätzt, ebenso die Unschärfe des HSI.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im MSI-Raster, in der radiometrischen Skala des HSI. Laufzeit auf einer CPU: etwa 20 s für MSI-Ausschnitte von 72-96 Pixeln bei Verhältnis 4 mit 1 Thread (gemessen, einschließlich des Trainings der beiden Modelle); etwa 2,5 Minuten für ein MSI von 480 x 480 Pixeln mit einem HSI von 198 Bändern mit 2 Threads (gemessen); sie wächst mit der Zahl der Pixel. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Woher die Qualität kommt: aus dem Unterraum-Warmstart, den es mit SDP teilt. Die anschließende Diffusionsabtastung ist in der Ablation des Projekts etwa neutral (-0,4 bis -0,07 dB gegenüber dem Warmstart allein auf drei Hyperspektralszenen) und braucht den größten Teil der Laufzeit.&lt;/p&gt;&lt;p&gt;Referenz: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Assess fusion quality</source>
      <translation>Fusionsqualität bewerten</translation>
    </message>
    <message>
      <source>Simulation and assessment</source>
      <translation>Simulation und Bewertung</translation>
    </message>
    <message>
      <source>Reading the rasters</source>
      <translation>Raster werden gelesen</translation>
    </message>
    <message>
      <source>FuseDiff quality report (reference-based)</source>
      <translation>FuseDiff-Qualitätsbericht (mit Referenz)</translation>
    </message>
    <message>
      <source>Writing the report</source>
      <translation>Bericht wird geschrieben</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Fertig</translation>
    </message>
    <message>
      <source>Fused raster</source>
      <translation>Fusioniertes Raster</translation>
    </message>
    <message>
      <source>Reference raster (for reference-based metrics)</source>
      <translation>Referenzraster (für referenzbasierte Maße)</translation>
    </message>
    <message>
      <source>Low-resolution spectral raster that was fused (for no-reference metrics)</source>
      <translation>Fusioniertes niedrig aufgelöstes Spektralraster (für referenzfreie Maße)</translation>
    </message>
    <message>
      <source>High-resolution raster that was fused (for no-reference metrics)</source>
      <translation>Fusioniertes hoch aufgelöstes Raster (für referenzfreie Maße)</translation>
    </message>
    <message>
      <source>MS bands that were fused (empty: all)</source>
      <translation>MS-Bänder, die fusioniert wurden (leer: alle)</translation>
    </message>
    <message>
      <source>The bands of MS that the fusion used (its MS_BANDS), for the no-reference metrics.</source>
      <translation>Die Bänder von MS, die die Fusion verwendet hat (ihr MS_BANDS), für die Maße ohne Referenz.</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Bericht</translation>
    </message>
    <message>
      <source>HTML files (*.html);;CSV files (*.csv)</source>
      <translation>HTML-Dateien (*.html);;CSV-Dateien (*.csv)</translation>
    </message>
    <message>
      <source>FuseDiff quality report (no reference)</source>
      <translation>FuseDiff-Qualitätsbericht (ohne Referenz)</translation>
    </message>
    <message>
      <source>FUSED and REFERENCE have no pixel valid in both.</source>
      <translation>FUSED und REFERENCE haben kein Pixel, das in beiden gültig ist.</translation>
    </message>
    <message>
      <source>The reference's values are all zero or negative.</source>
      <translation>Die Werte der Referenz sind alle null oder negativ.</translation>
    </message>
    <message>
      <source>FUSED does not cover the PAN/MS overlap on the PAN's pixel grid; give the output of a fusion of these MS and PAN rasters.</source>
      <translation>FUSED deckt die Überlappung von PAN und MS im Pixelraster des PAN nicht ab; geben Sie das Ergebnis einer Fusion dieser MS- und PAN-Raster an.</translation>
    </message>
    <message>
      <source>Give a REFERENCE raster for reference-based metrics, or both MS and PAN for no-reference metrics.</source>
      <translation>Geben Sie ein REFERENCE-Raster für referenzbasierte Maße an, oder MS und PAN für referenzfreie Maße.</translation>
    </message>
    <message>
      <source>Set RATIO (the fusion's resolution ratio, used for ERGAS and the border), or give the MS raster to measure it.</source>
      <translation>Setzen Sie RATIO (das Auflösungsverhältnis der Fusion, für ERGAS und den Rand) oder geben Sie das MS-Raster an, um es zu messen.</translation>
    </message>
    <message>
      <source>FUSED has {0} band(s) but REFERENCE has {1}; they must have the same bands.</source>
      <translation>FUSED hat {0} Band/Bänder, REFERENCE aber {1}; sie müssen dieselben Bänder haben.</translation>
    </message>
    <message>
      <source>Ratio from the pixel sizes: {0:.3f}</source>
      <translation>Verhältnis aus den Pixelgrößen: {0:.3f}</translation>
    </message>
    <message>
      <source>{0} nodata pixel(s) are left out of the comparison.</source>
      <translation>{0} Nodata-Pixel werden beim Vergleich ausgelassen.</translation>
    </message>
    <message>
      <source>FUSED has {0} band(s) but MS has {1}; they must have the same bands.</source>
      <translation>FUSED hat {0} Band/Bänder, MS aber {1}; sie müssen dieselben Bänder haben.</translation>
    </message>
    <message>
      <source>FUSED has {0} nodata pixel(s); they are filled with the band means for the metrics.</source>
      <translation>FUSED hat {0} Nodata-Pixel; sie werden für die Maße mit den Bandmittelwerten gefüllt.</translation>
    </message>
    <message>
      <source>The report path '{0}' is one of the inputs; choose another path.</source>
      <translation>Der Berichtspfad „{0}“ ist eine der Eingaben; wählen Sie einen anderen Pfad.</translation>
    </message>
    <message>
      <source>FUSED ({0} x {1} px) and REFERENCE ({2} x {3} px) are not on the same pixel grid; they must share CRS, pixel size and pixel alignment.</source>
      <translation>FUSED ({0} x {1} px) und REFERENCE ({2} x {3} px) liegen nicht im selben Pixelraster; sie müssen KBS, Pixelgröße und Pixelausrichtung teilen.</translation>
    </message>
    <message>
      <source>PSNR (dB)</source>
      <translation>PSNR (dB)</translation>
    </message>
    <message>
      <source>SSIM</source>
      <translation>SSIM</translation>
    </message>
    <message>
      <source>SAM (degrees)</source>
      <translation>SAM (Grad)</translation>
    </message>
    <message>
      <source>ERGAS</source>
      <translation>ERGAS</translation>
    </message>
    <message>
      <source>RMSE (scaled to [0, 1])</source>
      <translation>RMSE (auf [0, 1] skaliert)</translation>
    </message>
    <message>
      <source>Q2n</source>
      <translation>Q2n</translation>
    </message>
    <message>
      <source>SCC</source>
      <translation>SCC</translation>
    </message>
    <message>
      <source>D_lambda</source>
      <translation>D_lambda</translation>
    </message>
    <message>
      <source>D_s</source>
      <translation>D_s</translation>
    </message>
    <message>
      <source>QNR</source>
      <translation>QNR</translation>
    </message>
    <message>
      <source>HQNR</source>
      <translation>HQNR</translation>
    </message>
    <message>
      <source>&lt;p&gt;Measures the quality of a fused raster. FUSED, REFERENCE and MS have the same bands in the same order and one radiometric unit (any: DN, radiance, reflectance).&lt;/p&gt;&lt;p&gt;With a &lt;b&gt;REFERENCE&lt;/b&gt; (e.g. the input of Simulate a fusion pair): PSNR (dB), SSIM, SAM (degrees), ERGAS, RMSE, Q2n (Q4/Q8) and SCC, on both rasters divided by the reference's maximum, leaving out a border of RATIO pixels. FUSED and REFERENCE must be on the same grid. RATIO defaults to the pixel-size ratio of MS to FUSED when MS is given.&lt;/p&gt;&lt;p&gt;Without a reference, from the low-resolution &lt;b&gt;MS&lt;/b&gt; and the &lt;b&gt;PAN&lt;/b&gt; that were fused: D_lambda, D_s, QNR and HQNR at full resolution (Alparone et al. 2008; Khan et al. 2009). FUSED must cover the PAN/MS overlap on the PAN grid.&lt;/p&gt;&lt;p&gt;The values are printed to the log, written to OUTPUT_REPORT (HTML, or CSV when the file name ends in .csv) and returned as numeric outputs for the graphical modeler.&lt;/p&gt;&lt;p&gt;Runtime: seconds on a CPU for a 2000 x 2000 raster; it always runs on the CPU (NumPy; no GPU is used).&lt;/p&gt;&lt;p&gt;References: Wang, Bovik, Sheikh, Simoncelli, IEEE TIP 2004 (SSIM); Yuhas, Goetz, Boardman, JPL Airborne Geoscience Workshop 1992 (SAM); Wald 2002 (ERGAS); Garzelli &amp;amp; Nencini, IEEE GRSL 2009 (Q2n); Zhou, Civco, Silander, IJRS 1998 (SCC); Alparone et al., PE&amp;amp;RS 2008 (D_lambda, D_s, QNR); Khan, Alparone, Chanussot, IEEE TGRS 2009 (the MTF-based D_lambda of HQNR); Aiazzi et al., Proc. SPIE 2014 (HQNR); Vivone et al., IEEE TGRS 2015 (protocol).&lt;/p&gt;</source>
      <translation>&lt;p&gt;Misst die Qualität eines fusionierten Rasters. FUSED, REFERENCE und MS haben dieselben Bänder in derselben Reihenfolge und eine gemeinsame radiometrische Einheit (beliebig: DN, Strahldichte, Reflexionsgrad).&lt;/p&gt;&lt;p&gt;Mit einer &lt;b&gt;REFERENCE&lt;/b&gt; (z. B. der Eingabe von „Fusionspaar simulieren“): PSNR (dB), SSIM, SAM (Grad), ERGAS, RMSE, Q2n (Q4/Q8) und SCC, auf beiden Rastern geteilt durch das Maximum der Referenz, ohne einen Rand von RATIO Pixeln. FUSED und REFERENCE müssen im selben Raster liegen. RATIO ist standardmäßig das Pixelgrößenverhältnis von MS zu FUSED, wenn MS angegeben ist.&lt;/p&gt;&lt;p&gt;Ohne Referenz, aus dem niedrig aufgelösten &lt;b&gt;MS&lt;/b&gt; und dem &lt;b&gt;PAN&lt;/b&gt;, die fusioniert wurden: D_lambda, D_s, QNR und HQNR in voller Auflösung (Alparone et al. 2008; Khan et al. 2009). FUSED muss die Überlappung von PAN und MS im PAN-Raster abdecken.&lt;/p&gt;&lt;p&gt;Die Werte werden im Protokoll ausgegeben, in OUTPUT_REPORT geschrieben (HTML, oder CSV, wenn der Dateiname auf .csv endet) und als numerische Ausgaben für die grafische Modellierung zurückgegeben.&lt;/p&gt;&lt;p&gt;Laufzeit: Sekunden auf einer CPU für ein Raster von 2000 x 2000 Pixeln; es läuft immer auf der CPU (NumPy; keine GPU wird verwendet).&lt;/p&gt;&lt;p&gt;Referenzen: Wang, Bovik, Sheikh, Simoncelli, IEEE TIP 2004 (SSIM); Yuhas, Goetz, Boardman, JPL Airborne Geoscience Workshop 1992 (SAM); Wald 2002 (ERGAS); Garzelli &amp;amp; Nencini, IEEE GRSL 2009 (Q2n); Zhou, Civco, Silander, IJRS 1998 (SCC); Alparone et al., PE&amp;amp;RS 2008 (D_lambda, D_s, QNR); Khan, Alparone, Chanussot, IEEE TGRS 2009 (das MTF-basierte D_lambda von HQNR); Aiazzi et al., Proc. SPIE 2014 (HQNR); Vivone et al., IEEE TGRS 2015 (Protokoll).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Batch: many scenes on a Dask cluster</source>
      <translation>Stapel: viele Szenen auf einem Dask-Cluster</translation>
    </message>
    <message>
      <source>Batch and clusters</source>
      <translation>Stapel und Cluster</translation>
    </message>
    <message>
      <source>Algorithm to run on every scene</source>
      <translation>Algorithmus für jede Szene</translation>
    </message>
    <message>
      <source>Manifest (CSV: a header of parameter names, one scene per line)</source>
      <translation>Manifest (CSV: eine Kopfzeile mit Parameternamen, eine Szene pro Zeile)</translation>
    </message>
    <message>
      <source>Settings for every scene (NAME=value;NAME=value)</source>
      <translation>Einstellungen für jede Szene (NAME=Wert;NAME=Wert)</translation>
    </message>
    <message>
      <source>Dask scheduler address (empty: this computer)</source>
      <translation>Adresse des Dask-Schedulers (leer: dieser Computer)</translation>
    </message>
    <message>
      <source>Worker processes on this computer (0: one per core)</source>
      <translation>Worker-Prozesse auf diesem Computer (0: einer pro Kern)</translation>
    </message>
    <message>
      <source>Threads per worker on this computer</source>
      <translation>Threads pro Worker auf diesem Computer</translation>
    </message>
    <message>
      <source>Run report (JSON)</source>
      <translation>Laufbericht (JSON)</translation>
    </message>
    <message>
      <source>&lt;p&gt;Runs one FuseDiff algorithm on every scene listed in a CSV manifest, in parallel on this computer's cores or on a Dask cluster (SLURM, Kubernetes, ...), so that a campaign of many scenes does not run one after another.&lt;/p&gt;&lt;p&gt;&lt;b&gt;MANIFEST&lt;/b&gt;: a CSV file whose first line names parameters of the algorithm, exactly as in its dialog's 'Advanced / Copy as qgis_process command' (e.g. &lt;code&gt;MS,PAN,OUTPUT&lt;/code&gt;, plus any per-scene setting); each further line is one scene. Relative paths are relative to the manifest's folder. &lt;b&gt;SETTINGS&lt;/b&gt;: values for every scene, as &lt;code&gt;NAME=value&lt;/code&gt; separated by semicolons (e.g. &lt;code&gt;STEPS=4;DEVICE=cpu&lt;/code&gt;); a scene's own cell wins.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SCHEDULER&lt;/b&gt;: the address of a running Dask scheduler (e.g. &lt;code&gt;tcp://cluster-head:8786&lt;/code&gt;); empty: WORKERS processes of THREADS_PER_WORKER threads on this computer. Workers must see the input and output files at the same paths and need FuseDiff installed (&lt;code&gt;pip install fusediff[dask]&lt;/code&gt;).&lt;/p&gt;&lt;p&gt;A scene whose output is already complete (a &lt;code&gt;.fusediff.json&lt;/code&gt; file next to it records the parameters and a checksum) is skipped, so an interrupted campaign resumes where it stopped. A scene that fails (a missing file, wrong bands) fails alone: the others complete. &lt;b&gt;REPORT&lt;/b&gt;: a JSON file with each scene's status, seconds, worker and error.&lt;/p&gt;&lt;p&gt;Inputs, bands, ratio and radiometric units: as the chosen algorithm expects (see its help); each scene is checked and fused exactly as a run of that algorithm.&lt;/p&gt;&lt;p&gt;Runtime: about the sum of the scenes' runtimes divided by the number of workers (plus a few seconds to start them); measured with 2 single-threaded workers on 2 cores in bench/scale.md. GPU: scenes of the PyTorch methods run on workers that declare a GPU (&lt;code&gt;dask worker --resources GPU=1&lt;/code&gt;), on the CPU workers otherwise. Set up clusters as in docs/clusters.md.&lt;/p&gt;&lt;p&gt;Requires the Python packages dask and distributed (&lt;code&gt;pip install fusediff[dask]&lt;/code&gt;).&lt;/p&gt;&lt;p&gt;Reference: Rocklin, Dask: Parallel computation with blocked algorithms and task scheduling, Proceedings of the 14th Python in Science Conference (SciPy 2015).&lt;/p&gt;</source>
      <translation>&lt;p&gt;Führt einen FuseDiff-Algorithmus für jede Szene eines CSV-Manifests aus, parallel auf den Kernen dieses Computers oder auf einem Dask-Cluster (SLURM, Kubernetes, ...), sodass eine Kampagne vieler Szenen nicht eine nach der anderen läuft.&lt;/p&gt;&lt;p&gt;&lt;b&gt;MANIFEST&lt;/b&gt;: eine CSV-Datei, deren erste Zeile Parameter des Algorithmus benennt, genau wie in dessen Dialog unter 'Erweitert / Als qgis_process-Befehl kopieren' (z. B. &lt;code&gt;MS,PAN,OUTPUT&lt;/code&gt;, dazu beliebige Einstellungen pro Szene); jede weitere Zeile ist eine Szene. Relative Pfade beziehen sich auf den Ordner des Manifests. &lt;b&gt;SETTINGS&lt;/b&gt;: Werte für jede Szene, als &lt;code&gt;NAME=Wert&lt;/code&gt;, durch Semikolons getrennt (z. B. &lt;code&gt;STEPS=4;DEVICE=cpu&lt;/code&gt;); die eigene Zelle einer Szene hat Vorrang.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SCHEDULER&lt;/b&gt;: die Adresse eines laufenden Dask-Schedulers (z. B. &lt;code&gt;tcp://cluster-head:8786&lt;/code&gt;); leer: WORKERS Prozesse mit je THREADS_PER_WORKER Threads auf diesem Computer. Die Worker müssen die Ein- und Ausgabedateien unter denselben Pfaden sehen und FuseDiff installiert haben (&lt;code&gt;pip install fusediff[dask]&lt;/code&gt;).&lt;/p&gt;&lt;p&gt;Eine Szene, deren Ausgabe schon vollständig ist (eine Datei &lt;code&gt;.fusediff.json&lt;/code&gt; daneben hält die Parameter und eine Prüfsumme fest), wird übersprungen, sodass eine unterbrochene Kampagne dort weitermacht, wo sie aufgehört hat. Eine Szene, die scheitert (eine fehlende Datei, falsche Bänder), scheitert allein: die anderen werden fertig. &lt;b&gt;REPORT&lt;/b&gt;: eine JSON-Datei mit Status, Sekunden, Worker und Fehler jeder Szene.&lt;/p&gt;&lt;p&gt;Eingaben, Bänder, Verhältnis (ratio) und radiometrische Einheiten: wie der gewählte Algorithmus sie erwartet (siehe seine Hilfe); jede Szene wird genau wie bei einem Lauf dieses Algorithmus geprüft und fusioniert.&lt;/p&gt;&lt;p&gt;Laufzeit: etwa die Summe der Laufzeiten der Szenen geteilt durch die Zahl der Worker (plus einige Sekunden für deren Start); gemessen mit 2 Workern zu je einem Thread auf 2 Kernen in bench/scale.md. GPU: Szenen der PyTorch-Methoden laufen auf Workern, die eine GPU angeben (&lt;code&gt;dask worker --resources GPU=1&lt;/code&gt;), sonst auf den CPU-Workern. Cluster einrichten wie in docs/clusters.md beschrieben.&lt;/p&gt;&lt;p&gt;Benötigt die Python-Pakete dask und distributed (&lt;code&gt;pip install fusediff[dask]&lt;/code&gt;).&lt;/p&gt;&lt;p&gt;Referenz: Rocklin, Dask: Parallel computation with blocked algorithms and task scheduling, Proceedings of the 14th Python in Science Conference (SciPy 2015).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Classical fusion (Brovey, GSA, MTF-GLP-HPM, CNMF)</source>
      <translation>Klassische Fusion (Brovey, GSA, MTF-GLP-HPM, CNMF)</translation>
    </message>
    <message>
      <source>Classical fusion</source>
      <translation>Klassische Fusion</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Verfahren</translation>
    </message>
    <message>
      <source>Low-resolution spectral raster (MS / HSI)</source>
      <translation>Niedrig aufgelöstes Spektralraster (MS / HSI)</translation>
    </message>
    <message>
      <source>High-resolution raster (PAN; MSI for CNMF)</source>
      <translation>Hoch aufgelöstes Raster (PAN; MSI bei CNMF)</translation>
    </message>
    <message>
      <source>PAN band (when the high-resolution raster has several bands)</source>
      <translation>PAN-Band (wenn das hoch aufgelöste Raster mehrere Bänder hat)</translation>
    </message>
    <message>
      <source>Method: {0}</source>
      <translation>Verfahren: {0}</translation>
    </message>
    <message>
      <source>Fusing with {0}</source>
      <translation>Fusion mit {0}</translation>
    </message>
    <message>
      <source>Brovey transform</source>
      <translation>Brovey-Transformation</translation>
    </message>
    <message>
      <source>GSA (adaptive Gram-Schmidt)</source>
      <translation>GSA (adaptives Gram-Schmidt)</translation>
    </message>
    <message>
      <source>MTF-GLP-HPM (MTF-matched Laplacian pyramid, high-pass modulation)</source>
      <translation>MTF-GLP-HPM (MTF-angepasste Laplace-Pyramide, Hochpassmodulation)</translation>
    </message>
    <message>
      <source>CNMF (coupled non-negative matrix factorisation; HSI + MSI)</source>
      <translation>CNMF (gekoppelte nichtnegative Matrixfaktorisierung; HSI + MSI)</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution spectral raster with a high-resolution raster using a classical method; the usual baselines to compare the diffusion methods against.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: Brovey, GSA and MTF-GLP-HPM sharpen a multispectral or hyperspectral raster (MS) with a one-band panchromatic raster (PAN). CNMF fuses a hyperspectral raster (MS) with a multispectral raster of several bands (PAN).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MS&lt;/b&gt;: the low-resolution raster (2 bands or more). &lt;b&gt;PAN&lt;/b&gt;: the high-resolution raster; a PAN with several bands needs PAN band (except for CNMF). The inputs are aligned by georeference (reprojected when the CRS differ); the ratio comes from the pixel sizes unless RATIO is set (a whole number, 2 or more). Nodata pixels of either input are written as nodata.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale.&lt;/p&gt;&lt;p&gt;Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance); the scene is scaled internally and the output is in the MS's unit.&lt;/p&gt;&lt;p&gt;Runtime (CPU only; no GPU is used): seconds for Brovey, GSA and MTF-GLP-HPM on a 2000 x 2000 PAN; a 12000 x 12000 PAN with a 4-band MS takes about 3 minutes of one CPU core with GSA, processed in tiles with bounded memory (under 3 GB). CNMF takes minutes on large hyperspectral scenes.&lt;/p&gt;&lt;p&gt;References: Gillespie et al. 1987 (Brovey); Aiazzi, Baronti, Selva, IEEE TGRS 2007 (GSA); Aiazzi et al., PE&amp;amp;RS 2006 and Vivone et al., IEEE TGRS 2015 (MTF-GLP-HPM); Yokoya, Yairi, Iwasaki, IEEE TGRS 2012 (CNMF).&lt;/p&gt;</source>
      <translation>&lt;p&gt;Fusioniert ein niedrig aufgelöstes Spektralraster mit einem hoch aufgelösten Raster mit einem klassischen Verfahren; die üblichen Vergleichsverfahren für die Diffusionsmethoden.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: Brovey, GSA und MTF-GLP-HPM schärfen ein Multi- oder Hyperspektralraster (MS) mit einem einbandigen panchromatischen Raster (PAN). CNMF fusioniert ein Hyperspektralraster (MS) mit einem Multispektralraster aus mehreren Bändern (PAN).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MS&lt;/b&gt;: das niedrig aufgelöste Raster (2 Bänder oder mehr). &lt;b&gt;PAN&lt;/b&gt;: das hoch aufgelöste Raster; ein PAN mit mehreren Bändern benötigt das PAN-Band (außer bei CNMF). Die Eingaben werden über ihre Georeferenz ausgerichtet (umprojiziert, wenn die KBS verschieden sind); das Verhältnis ergibt sich aus den Pixelgrößen, sofern RATIO nicht gesetzt ist (eine ganze Zahl, 2 oder mehr). Nodata-Pixel einer der Eingaben werden als Nodata geschrieben.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den MS-Bändern im PAN-Raster, in der radiometrischen Skala des MS.&lt;/p&gt;&lt;p&gt;Die Werte können in jeder radiometrischen Einheit vorliegen (DN beliebiger Bittiefe, Strahldichte, Reflexion); die Szene wird intern skaliert, und die Ausgabe hat die Einheit des MS.&lt;/p&gt;&lt;p&gt;Laufzeit (nur CPU; es wird keine GPU verwendet): Sekunden für Brovey, GSA und MTF-GLP-HPM bei einem PAN von 2000 x 2000 Pixeln; ein PAN von 12000 x 12000 Pixeln mit einem MS aus 4 Bändern dauert mit GSA etwa 3 Minuten auf einem CPU-Kern und wird in Kacheln mit begrenztem Speicher (unter 3 GB) verarbeitet. CNMF braucht bei großen Hyperspektralszenen Minuten.&lt;/p&gt;&lt;p&gt;Referenzen: Gillespie et al. 1987 (Brovey); Aiazzi, Baronti, Selva, IEEE TGRS 2007 (GSA); Aiazzi et al., PE&amp;amp;RS 2006 und Vivone et al., IEEE TGRS 2015 (MTF-GLP-HPM); Yokoya, Yairi, Iwasaki, IEEE TGRS 2012 (CNMF).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Resolution ratio (empty: from the pixel sizes)</source>
      <translation>Auflösungsverhältnis (leer: aus den Pixelgrößen)</translation>
    </message>
    <message>
      <source>Ratio of the low-resolution pixel size to the high-resolution one, e.g. 4 for 2 m multispectral and 0.5 m panchromatic pixels. Leave empty to take it from the rasters' pixel sizes.</source>
      <translation>Verhältnis der Pixelgröße der niedrigen zu der der hohen Auflösung, z. B. 4 für multispektrale Pixel von 2 m und panchromatische von 0,5 m. Leer lassen, um es aus den Pixelgrößen der Raster zu bestimmen.</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>Gerät</translation>
    </message>
    <message>
      <source>auto uses a CUDA GPU when PyTorch sees one (then Apple MPS), else the CPU.</source>
      <translation>auto verwendet eine CUDA-GPU, wenn PyTorch eine findet (dann Apple MPS), sonst die CPU.</translation>
    </message>
    <message>
      <source>Random seed</source>
      <translation>Zufallsstartwert</translation>
    </message>
    <message>
      <source>The same seed and inputs give the same result.</source>
      <translation>Derselbe Startwert und dieselben Eingaben ergeben dasselbe Ergebnis.</translation>
    </message>
    <message>
      <source>Output data type</source>
      <translation>Datentyp der Ausgabe</translation>
    </message>
    <message>
      <source>Float32 (default); the spectral input's own type, values rounded and clipped to its range; or UInt16 with a per-band scale and offset chosen from the band's range, so that GIS software reads values in the input's units (within half a quantisation step). Nodata is kept in every case.</source>
      <translation>Float32 (Standard); der eigene Typ der spektralen Eingabe, Werte gerundet und auf seinen Wertebereich begrenzt; oder UInt16 mit einer aus dem Wertebereich des Bands gewählten Skalierung und einem Offset je Band, sodass GIS-Software die Werte in den Einheiten der Eingabe liest (auf eine halbe Quantisierungsstufe genau). Nodata bleibt in jedem Fall erhalten.</translation>
    </message>
    <message>
      <source>Cloud-Optimized GeoTIFF</source>
      <translation>Cloud-Optimized GeoTIFF</translation>
    </message>
    <message>
      <source>Write a Cloud-Optimized GeoTIFF (GDAL's COG driver, with overviews); otherwise a tiled GeoTIFF.</source>
      <translation>Ein Cloud-Optimized GeoTIFF schreiben (GDALs COG-Treiber, mit Übersichten); sonst ein gekacheltes GeoTIFF.</translation>
    </message>
    <message>
      <source>Compression</source>
      <translation>Kompression</translation>
    </message>
    <message>
      <source>DEFLATE (default, read everywhere) or ZSTD (faster, needs GDAL 2.3 or newer).</source>
      <translation>DEFLATE (Standard, überall lesbar) oder ZSTD (schneller, benötigt GDAL 2.3 oder neuer).</translation>
    </message>
    <message>
      <source>Device: {0}; CPU threads: {1}.</source>
      <translation>Gerät: {0}; CPU-Threads: {1}.</translation>
    </message>
    <message>
      <source>Float32</source>
      <translation>Float32</translation>
    </message>
    <message>
      <source>Same type as the input (rounded and clipped to its range)</source>
      <translation>Derselbe Typ wie die Eingabe (gerundet und auf ihren Wertebereich begrenzt)</translation>
    </message>
    <message>
      <source>UInt16 with scale/offset (values read back in the input's units)</source>
      <translation>UInt16 mit Skalierung/Offset (Werte in den Einheiten der Eingabe zurückgelesen)</translation>
    </message>
    <message>
      <source>DEFLATE</source>
      <translation>DEFLATE</translation>
    </message>
    <message>
      <source>ZSTD</source>
      <translation>ZSTD</translation>
    </message>
    <message>
      <source>The high-resolution raster's real spectral response (pyrsr tables), resampled to the spectral raster's band wavelengths (read from its metadata). Its bands are matched by their names (B2, B3... as prepare_product writes them) or by their number. Overrides SRF.</source>
      <translation>Die echte spektrale Antwort des hochaufgelösten Rasters (pyrsr-Tabellen), auf die Bandwellenlängen des Spektralrasters (aus seinen Metadaten) umgerechnet. Seine Bänder werden über ihre Namen (B2, B3 ..., wie prepare_product sie schreibt) oder ihre Anzahl zugeordnet. Ersetzt SRF.</translation>
    </message>
    <message>
      <source>DM-ZS hyperspectral pansharpening (zero-shot diffusion)</source>
      <translation>DM-ZS hyperspektrales Pansharpening (Zero-Shot-Diffusion)</translation>
    </message>
    <message>
      <source>Hyperspectral pansharpening</source>
      <translation>Hyperspektrales Pansharpening</translation>
    </message>
    <message>
      <source>Hyperspectral raster (HSI)</source>
      <translation>Hyperspektralraster (HSI)</translation>
    </message>
    <message>
      <source>Panchromatic raster (PAN)</source>
      <translation>Panchromatisches Raster (PAN)</translation>
    </message>
    <message>
      <source>PAN spectral response CSV (empty: estimate)</source>
      <translation>CSV mit der spektralen Antwort des PAN (leer: schätzen)</translation>
    </message>
    <message>
      <source>Diffusion prior</source>
      <translation>Diffusionsprior</translation>
    </message>
    <message>
      <source>Prior checkpoint file</source>
      <translation>Prior-Checkpoint-Datei</translation>
    </message>
    <message>
      <source>Sharpened raster</source>
      <translation>Geschärftes Raster</translation>
    </message>
    <message>
      <source>Uncertainty (per-band standard deviation)</source>
      <translation>Unsicherheit (Standardabweichung je Band)</translation>
    </message>
    <message>
      <source>PRIOR is 'checkpoint file' but PRIOR_FILE is empty: choose a file.</source>
      <translation>PRIOR ist „Checkpoint-Datei“, aber PRIOR_FILE ist leer: Wählen Sie eine Datei.</translation>
    </message>
    <message>
      <source>Bundled small prior (Landsat RGB)</source>
      <translation>Mitgelieferter kleiner Prior (Landsat RGB)</translation>
    </message>
    <message>
      <source>Trained on this scene (slower)</source>
      <translation>Auf dieser Szene trainiert (langsamer)</translation>
    </message>
    <message>
      <source>Checkpoint file (PRIOR_FILE)</source>
      <translation>Checkpoint-Datei (PRIOR_FILE)</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a hyperspectral raster (HSI) with a panchromatic raster (PAN) using DM-ZS: a frozen 3-channel diffusion prior generates a detail image, guided by the inputs and by a small network trained on the scene itself at reduced scale (zero-shot); a neural spatial-spectral decomposition maps it to all HSI bands. No training data is needed.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and a one-band PAN covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 3 or 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the PAN's response over the HSI bands; empty: estimated from the pair. &lt;b&gt;PRIOR&lt;/b&gt;: the bundled small prior, one trained on this scene, or a checkpoint file (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; SR3-style U-Nets such as the PLRDiff/DM-ZS public prior load, a GPU is advised for those).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the PAN grid, in the HSI's radiometric scale. Runtime on a CPU with the bundled prior: about 1.5 minutes for a PAN of 92-96 px at ratio 4 on one thread (measured, including the training on the scene); about 10 minutes per 256 x 256 px tile of PAN with a 198-band HSI on 2 threads (measured), so large scenes take hours. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Quality and cost: on the three hyperspectral benchmark scenes it beats MTF-GLP-HPM by 0.6 to 1.0 dB PSNR (measured), at minutes of CPU time where MTF-GLP-HPM takes a fraction of a second; with its iterations reduced to run in seconds it no longer beats MTF-GLP-HPM (measured).&lt;/p&gt;&lt;p&gt;Reference: Xiao et al., hyperspectral pansharpening with pre-trained diffusion models, zero-shot guidance and NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</source>
      <translation>&lt;p&gt;Schärft ein Hyperspektralraster (HSI) mit einem panchromatischen Raster (PAN) mit DM-ZS: Ein eingefrorener 3-Kanal-Diffusionsprior erzeugt ein Detailbild, geführt von den Eingaben und von einem kleinen Netz, das auf der Szene selbst in reduzierter Auflösung trainiert wird (Zero-Shot); eine neuronale räumlich-spektrale Zerlegung bildet es auf alle HSI-Bänder ab. Es werden keine Trainingsdaten benötigt.&lt;/p&gt;&lt;p&gt;Eingaben: ein HSI mit vielen Bändern (Dutzende bis Hunderte) und ein einbandiges PAN, die dasselbe Gebiet abdecken; das Verhältnis ihrer Pixelgrößen ist eine ganze Zahl ab 2 (z. B. 3 oder 4; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit der Antwort des PAN über den HSI-Bändern; leer: aus dem Paar geschätzt. &lt;b&gt;PRIOR&lt;/b&gt;: der mitgelieferte kleine Prior, ein auf dieser Szene trainierter oder eine Checkpoint-Datei (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; U-Netze im SR3-Stil wie der öffentliche PLRDiff/DM-ZS-Prior werden geladen, für diese wird eine GPU empfohlen).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im PAN-Raster, in der radiometrischen Skala des HSI. Laufzeit auf einer CPU mit dem mitgelieferten Prior: etwa 1,5 Minuten für ein PAN von 92-96 Pixeln bei Verhältnis 4 mit einem Thread (gemessen, einschließlich des Trainings auf der Szene); etwa 10 Minuten je Kachel von 256 x 256 PAN-Pixeln mit einem HSI von 198 Bändern mit 2 Threads (gemessen), große Szenen brauchen also Stunden. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Qualität und Kosten: auf den drei Hyperspektralszenen des Benchmarks übertrifft es MTF-GLP-HPM um 0,6 bis 1,0 dB PSNR (gemessen), bei Minuten CPU-Zeit, wo MTF-GLP-HPM Sekundenbruchteile braucht; mit so weit verringerten Iterationen, dass es in Sekunden läuft, übertrifft es MTF-GLP-HPM nicht mehr (gemessen).&lt;/p&gt;&lt;p&gt;Referenz: Xiao et al., hyperspektrales Pansharpening mit vortrainierten Diffusionsmodellen, Zero-Shot-Führung und NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>HSI-MSI fusion</source>
      <translation>HSI-MSI-Fusion</translation>
    </message>
    <message>
      <source>Hyperspectral raster (HSI, low resolution)</source>
      <translation>Hyperspektralraster (HSI, niedrige Auflösung)</translation>
    </message>
    <message>
      <source>Multispectral raster (MSI, high resolution)</source>
      <translation>Multispektralraster (MSI, hohe Auflösung)</translation>
    </message>
    <message>
      <source>MSI spectral response CSV (empty: estimate)</source>
      <translation>CSV mit der spektralen Antwort des MSI (leer: schätzen)</translation>
    </message>
    <message>
      <source>Optional: a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the difference between the fused image and the upsampled low-resolution input (about 90 % of true values lie within +-1.645 sigma on data like the calibration's; it ranks pixels only weakly). Costs little; not written when empty.</source>
      <translation>Optional: ein Float32-Raster im Raster der Ausgabe mit einer kalibrierten Standardabweichung je Pixel und Band in den Einheiten der Ausgabe, aus dem Unterschied zwischen fusioniertem Bild und hochgerechneter niedrig aufgelöster Eingabe (etwa 90 % der wahren Werte liegen innerhalb von +-1,645 Sigma, auf Daten wie denen der Kalibrierung; die Rangfolge der Pixel trifft sie nur schwach). Kostet wenig; leer: wird nicht geschrieben.</translation>
    </message>
    <message>
      <source>KSDiff pansharpening (kernel-space latent diffusion, fast)</source>
      <translation>KSDiff-Pansharpening (latente Diffusion im Kernelraum, schnell)</translation>
    </message>
    <message>
      <source>Latent sampling steps (DDIM)</source>
      <translation>Latente Sampling-Schritte (DDIM)</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch and learns to refine an MTF-GLP-HPM fusion of the pair); an adapted model is averaged over the 8 flips and rotations of the image. Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU (measured on 2 cores): 0.06 s for 256 x 256 PAN pixels (about 30 times faster than ResPanDiff's 15 steps), about 1 megapixel of PAN per second on a 4000 x 4000 scene (1.4 at model level), plus the adaptation (0.1-0.3 s per iteration; an adapted model then sharpens 8 times slower); on a GPU several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Where its quality comes from (the project's ablation on Landsat-7, ratios 2 and 4): the trained pansharpener network. The same network without the code that the diffusion model samples scores the same; the diffusion stage costs little, since the model runs once per image.&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation>&lt;p&gt;Schärft ein multispektrales Raster (MS) mit einem panchromatischen Raster (PAN) mit KSDiff: Ein kleines latentes Diffusionsmodell erzeugt aus PAN und MS einen Code (wenige DDIM-Schritte auf 256 Zahlen), der Code erzeugt bildweise Modulationen der Faltungskerne des Pansharpeners (Tucker-Form), und der Pansharpener (ein ConvNeXt-U-Net) läuft dann ein einziges Mal. Viel schneller als Diffusion im Pixelraum.&lt;/p&gt;&lt;p&gt;Eingaben: ein Multispektralraster MS (die mitgelieferten Gewichte brauchen 4 Bänder) und ein einbandiges PAN, die dasselbe Gebiet abdecken, mit 2- oder 4-mal kleineren PAN-Pixeln (das Verhältnis ergibt sich aus den Pixelgrößen; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (DN beliebiger Bittiefe, Strahldichte, Reflexionsgrad; intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: Die mitgelieferten Gewichte wurden auf Landsat-7 trainiert (4 Bänder in der Reihenfolge Blau, Grün, Rot, NIR; Verhältnis 2 und 4). Wählen und ordnen Sie die MS-Bänder mit &lt;b&gt;MS_BANDS&lt;/b&gt; (z. B. 3,2,1,4 für eine Datei mit Rot, Grün, Blau, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; verwendet mit &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff) trainierte Gewichte.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 passt das Modell zuerst an das nochmals degradierte Eingabepaar an (Wald-Protokoll): für andere Sensoren oder Bandzahlen (z. B. 8-bandiges WorldView-3; dann wird ein Modell von Grund auf angepasst, das lernt, eine MTF-GLP-HPM-Fusion des Paares zu verfeinern); ein angepasstes Modell wird über die 8 Spiegelungen und Drehungen des Bildes gemittelt. Ohne dies ist eine von den Gewichten abweichende Bandzahl oder ein abweichendes Verhältnis ein Fehler.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den MS-Bändern im PAN-Raster, in der radiometrischen Skala des MS. Laufzeit auf einer CPU (gemessen auf 2 Kernen): 0,06 s für 256 x 256 PAN-Pixel (etwa 30-mal schneller als die 15 Schritte von ResPanDiff), etwa 1 Megapixel PAN pro Sekunde bei einer Szene von 4000 x 4000 (1,4 auf Modellebene), zuzüglich der Anpassung (0,1-0,3 s pro Iteration; ein angepasstes Modell schärft danach 8-mal langsamer); auf einer GPU um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Woher die Qualität kommt (Ablation des Projekts auf Landsat-7, Verhältnis 2 und 4): aus dem trainierten Pansharpening-Netz. Dasselbe Netz ohne den Code, den das Diffusionsmodell zieht, erreicht dieselben Werte; die Diffusionsstufe kostet wenig, da das Modell einmal pro Bild läuft.&lt;/p&gt;&lt;p&gt;Quelle: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Pansharpening</source>
      <translation>Pansharpening</translation>
    </message>
    <message>
      <source>Uncertainty samples (K)</source>
      <translation>Stichproben für die Unsicherheit (K)</translation>
    </message>
    <message>
      <source>Multispectral raster (MS)</source>
      <translation>Multispektralraster (MS)</translation>
    </message>
    <message>
      <source>MS bands, in the weights' order (empty: all, as stored)</source>
      <translation>MS-Bänder in der Reihenfolge der Gewichte (leer: alle, wie gespeichert)</translation>
    </message>
    <message>
      <source>Weights</source>
      <translation>Gewichte</translation>
    </message>
    <message>
      <source>Weights file (overrides WEIGHTS)</source>
      <translation>Gewichtsdatei (ersetzt WEIGHTS)</translation>
    </message>
    <message>
      <source>Scene adaptation iterations (0 = none)</source>
      <translation>Iterationen der Szenenanpassung (0 = keine)</translation>
    </message>
    <message>
      <source>Fit the model on the input pair degraded once more before sharpening.</source>
      <translation>Das Modell vor dem Schärfen an das noch einmal degradierte Eingabepaar anpassen.</translation>
    </message>
    <message>
      <source>{0} sampling steps; scene adaptation iterations: {1}.</source>
      <translation>{0} Abtastschritte; Iterationen der Szenenanpassung: {1}.</translation>
    </message>
    <message>
      <source>Bundled Landsat-7 weights for the ratio (2 or 4)</source>
      <translation>Mitgelieferte Landsat-7-Gewichte für das Verhältnis (2 oder 4)</translation>
    </message>
    <message>
      <source>Bundled Landsat-7, ratio 2</source>
      <translation>Mitgeliefert Landsat-7, Verhältnis 2</translation>
    </message>
    <message>
      <source>Bundled Landsat-7, ratio 4</source>
      <translation>Mitgeliefert Landsat-7, Verhältnis 4</translation>
    </message>
    <message>
      <source>Samples drawn for the UNCERTAINTY output: the network on flips/rotations of the inputs, plus the MTF-GLP-HPM fusion. It takes up to K times as long as the sharpened raster alone; the calibration was fitted with the default K.</source>
      <translation>Stichproben für die Ausgabe UNCERTAINTY: das Netz auf Spiegelungen/Drehungen der Eingaben, dazu die MTF-GLP-HPM-Fusion. Dauert bis zu K-mal so lange wie das geschärfte Raster allein; die Kalibrierung wurde mit dem voreingestellten K angepasst.</translation>
    </message>
    <message>
      <source>Optional: a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units (about 90 % of true values lie within +-1.645 sigma on data like the calibration's). Not written, and no cost, when empty.</source>
      <translation>Optional: ein Float32-Raster im Raster der Ausgabe mit einer kalibrierten Standardabweichung je Pixel und Band in den Einheiten der Ausgabe (etwa 90 % der wahren Werte liegen innerhalb von +-1,645 Sigma, auf Daten wie denen der Kalibrierung). Leer: wird nicht geschrieben und kostet nichts.</translation>
    </message>
    <message>
      <source>Prepare a sensor product (Landsat, Sentinel-2, PRISMA, EnMAP)</source>
      <translation>Sensorprodukt vorbereiten (Landsat, Sentinel-2, PRISMA, EnMAP)</translation>
    </message>
    <message>
      <source>Products</source>
      <translation>Produkte</translation>
    </message>
    <message>
      <source>Product (MTL, SAFE folder or MTD XML, .he5, METADATA.XML)</source>
      <translation>Produkt (MTL, SAFE-Ordner oder MTD-XML, .he5, METADATA.XML)</translation>
    </message>
    <message>
      <source>The product's metadata file (or the Sentinel-2 .SAFE folder).</source>
      <translation>Die Metadatendatei des Produkts (oder der Sentinel-2-Ordner .SAFE).</translation>
    </message>
    <message>
      <source>Landsat Level-1: correct for the sun elevation</source>
      <translation>Landsat Level-1: Sonnenhöhe korrigieren</translation>
    </message>
    <message>
      <source>Divide the top-of-atmosphere reflectance by sin(SUN_ELEVATION) of the MTL.</source>
      <translation>Die Reflexion am Oberrand der Atmosphäre durch sin(SUN_ELEVATION) der MTL teilen.</translation>
    </message>
    <message>
      <source>Spectral stack (low resolution)</source>
      <translation>Spektralstapel (niedrige Auflösung)</translation>
    </message>
    <message>
      <source>High-resolution raster (PAN / 10 m bands)</source>
      <translation>Hochaufgelöstes Raster (PAN / 10-m-Bänder)</translation>
    </message>
    <message>
      <source>Sentinel-2 60 m bands (B1, B9)</source>
      <translation>Sentinel-2-Bänder mit 60 m (B1, B9)</translation>
    </message>
    <message>
      <source>Product: {0} {1} ({2}).</source>
      <translation>Produkt: {0} {1} ({2}).</translation>
    </message>
    <message>
      <source>{0}: {1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <source>This product has no bands for {0}; nothing written there.</source>
      <translation>Dieses Produkt hat keine Bänder für {0}; dort wird nichts geschrieben.</translation>
    </message>
    <message>
      <source>&lt;p&gt;Turns a satellite product into the rasters the fusion algorithms take: values converted to reflectance, bands named and ordered, wavelengths and FWHM in the band metadata, nodata set.&lt;/p&gt;&lt;p&gt;&lt;b&gt;PRODUCT&lt;/b&gt;: a Landsat 4-9 Collection 2 &lt;i&gt;*_MTL.txt&lt;/i&gt; (the band files beside it), a Sentinel-2 L1C/L2A &lt;i&gt;.SAFE&lt;/i&gt; folder or its &lt;i&gt;MTD_MSIL1C.xml&lt;/i&gt; / &lt;i&gt;MTD_MSIL2A.xml&lt;/i&gt;, a PRISMA L2D &lt;i&gt;.he5&lt;/i&gt; or an EnMAP L2A &lt;i&gt;*-METADATA.XML&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_LOWRES&lt;/b&gt;: the spectral stack (Landsat: the reflective 30 m bands B1-B7, or B1-B5, B7 for TM/ETM+; Sentinel-2: B5, B6, B7, B8A, B11, B12 at 20 m; PRISMA: the VNIR + SWIR cube at 30 m; EnMAP: its bands at 30 m). &lt;b&gt;OUTPUT_HIGHRES&lt;/b&gt;: the product's own high-resolution raster on its exact grid (Landsat 7-9: the 15 m pan B8; Sentinel-2: B2, B3, B4, B8 at 10 m; PRISMA: the 5 m PAN; EnMAP has none). &lt;b&gt;OUTPUT_60M&lt;/b&gt;: Sentinel-2's B1, B9.&lt;/p&gt;&lt;p&gt;A name ending in &lt;i&gt;.vrt&lt;/i&gt; writes a virtual raster (no pixels copied; Float32 values with the product's scale and offset applied); &lt;i&gt;.tif&lt;/i&gt; writes a Float32 GeoTIFF. PRISMA's cubes are always copied once into a GeoTIFF (beside the .vrt), since a VRT cannot reference them with their map grid.&lt;/p&gt;&lt;p&gt;Reflectance: Landsat Level-1 top-of-atmosphere reflectance (REFLECTANCE_MULT x DN + REFLECTANCE_ADD), divided by the sine of the sun elevation when SUN_ELEVATION is set and the MTL has it; Level-2 surface reflectance. Sentinel-2 (DN + offset) / quantification value (RADIO_ADD_OFFSET / BOA_ADD_OFFSET since processing baseline 04.00). PRISMA L2ScaleMin + DN x (L2ScaleMax - L2ScaleMin) / 65535. EnMAP DN x gain + offset.&lt;/p&gt;&lt;p&gt;The fusion algorithms take the outputs directly (the ratio comes from the pixel sizes: 2 for Landsat and Sentinel-2 20 m / 10 m, 6 for PRISMA); pick bands with MS_BANDS, e.g. Landsat-8 B2..B5 are bands 2, 3, 4, 5 of OUTPUT_LOWRES. Values are in reflectance units (0-1).&lt;/p&gt;&lt;p&gt;Runtime: under a second for VRT outputs (only metadata is read; measured 0.6 s for a Landsat-8 product); a GeoTIFF output or a PRISMA cube copies the pixels (seconds per gigabyte). No GPU is used.&lt;/p&gt;&lt;p&gt;References: USGS, Landsat 8-9 Collection 2 Level 1 Data Format Control Book (LSDS-1822), 2021; ESA, Sentinel-2 Products Specification Document (S2-PDGS-TAS-DI-PSD), 2021; ASI, PRISMA Product Specifications, 2020; DLR, EnMAP Level 2A product specification, 2022.&lt;/p&gt;</source>
      <translation>&lt;p&gt;Macht aus einem Satellitenprodukt die Raster, die die Fusionsalgorithmen erwarten: Werte in Reflexion umgerechnet, Bänder benannt und geordnet, Wellenlängen und FWHM in den Band-Metadaten, Nodata gesetzt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;PRODUCT&lt;/b&gt;: eine Landsat-4-9-Collection-2-Datei &lt;i&gt;*_MTL.txt&lt;/i&gt; (die Banddateien daneben), ein Sentinel-2-L1C/L2A-Ordner &lt;i&gt;.SAFE&lt;/i&gt; oder seine &lt;i&gt;MTD_MSIL1C.xml&lt;/i&gt; / &lt;i&gt;MTD_MSIL2A.xml&lt;/i&gt;, eine PRISMA-L2D-Datei &lt;i&gt;.he5&lt;/i&gt; oder eine EnMAP-L2A-Datei &lt;i&gt;*-METADATA.XML&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_LOWRES&lt;/b&gt;: der Spektralstapel (Landsat: die reflektiven 30-m-Bänder B1-B7, bzw. B1-B5, B7 bei TM/ETM+; Sentinel-2: B5, B6, B7, B8A, B11, B12 mit 20 m; PRISMA: der VNIR- + SWIR-Würfel mit 30 m; EnMAP: seine Bänder mit 30 m). &lt;b&gt;OUTPUT_HIGHRES&lt;/b&gt;: das eigene hochaufgelöste Raster des Produkts auf seinem exakten Gitter (Landsat 7-9: der 15-m-Pan-Band B8; Sentinel-2: B2, B3, B4, B8 mit 10 m; PRISMA: das 5-m-PAN; EnMAP hat keines). &lt;b&gt;OUTPUT_60M&lt;/b&gt;: Sentinel-2s B1, B9.&lt;/p&gt;&lt;p&gt;Ein Name auf &lt;i&gt;.vrt&lt;/i&gt; schreibt ein virtuelles Raster (keine Pixel kopiert; Float32-Werte mit Skalierung und Offset des Produkts); &lt;i&gt;.tif&lt;/i&gt; schreibt ein Float32-GeoTIFF. PRISMAs Würfel werden immer einmal in ein GeoTIFF kopiert (neben die .vrt), da ein VRT sie nicht mit ihrem Kartengitter referenzieren kann.&lt;/p&gt;&lt;p&gt;Reflexion: Landsat Level-1 Reflexion am Oberrand der Atmosphäre (REFLECTANCE_MULT x DN + REFLECTANCE_ADD), durch den Sinus der Sonnenhöhe geteilt, wenn SUN_ELEVATION gesetzt ist und die MTL sie enthält; Level-2 Bodenreflexion. Sentinel-2 (DN + Offset) / Quantifizierungswert (RADIO_ADD_OFFSET / BOA_ADD_OFFSET seit Prozessierungsbaseline 04.00). PRISMA L2ScaleMin + DN x (L2ScaleMax - L2ScaleMin) / 65535. EnMAP DN x Gain + Offset.&lt;/p&gt;&lt;p&gt;Die Fusionsalgorithmen nehmen die Ausgaben direkt (das Verhältnis ergibt sich aus den Pixelgrößen: 2 für Landsat und Sentinel-2 20 m / 10 m, 6 für PRISMA); Bänder wählt MS_BANDS, z. B. sind Landsat-8 B2..B5 die Bänder 2, 3, 4, 5 von OUTPUT_LOWRES. Die Werte sind in Reflexionseinheiten (0-1).&lt;/p&gt;&lt;p&gt;Laufzeit: unter einer Sekunde für VRT-Ausgaben (nur Metadaten werden gelesen; gemessen 0,6 s für ein Landsat-8-Produkt); eine GeoTIFF-Ausgabe oder ein PRISMA-Würfel kopiert die Pixel (Sekunden pro Gigabyte). Es wird keine GPU verwendet.&lt;/p&gt;&lt;p&gt;Referenzen: USGS, Landsat 8-9 Collection 2 Level 1 Data Format Control Book (LSDS-1822), 2021; ESA, Sentinel-2 Products Specification Document (S2-PDGS-TAS-DI-PSD), 2021; ASI, PRISMA Product Specifications, 2020; DLR, EnMAP Level 2A product specification, 2022.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>ResPanDiff pansharpening (residual diffusion, 15 steps)</source>
      <translation>ResPanDiff-Pansharpening (Residuendiffusion, 15 Schritte)</translation>
    </message>
    <message>
      <source>Sampling steps (at most 15)</source>
      <translation>Abtastschritte (höchstens 15)</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using ResPanDiff, a diffusion model that infers the residual between the upsampled MS and the sharp result in 15 steps.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; instead.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch, 300-1000 iterations, minutes on a CPU). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU: about 4-5 s for a 400 x 400 PAN with 15 steps on 2 threads (measured); a tile of 448 x 448 PAN pixels costs about 1 CPU-second plus 0.6-1.2 CPU-seconds per step (fewer STEPS are faster), plus the adaptation. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Where its quality comes from: the trained network. With STEPS 1 the result equals that of 15 steps (SAM and ERGAS within 0.1 % on a Landsat-7 test scene, measured) at about a sixth of the time (0.8 s against 5 s for a 400 x 400 PAN on one thread); the sampling's noise barely changes the output.&lt;/p&gt;&lt;p&gt;Reference: Cao, Deng, Deng, ResPanDiff, arXiv 2501.05091 (2025); its network's condition modules follow DDIF (Cao et al., Information Fusion 2024).&lt;/p&gt;</source>
      <translation>&lt;p&gt;Schärft ein Multispektralraster (MS) mit einem panchromatischen Raster (PAN) mit ResPanDiff, einem Diffusionsmodell, das das Residuum zwischen dem hochgetasteten MS und dem scharfen Ergebnis in 15 Schritten bestimmt.&lt;/p&gt;&lt;p&gt;Eingaben: ein Multispektralraster MS (die mitgelieferten Gewichte brauchen 4 Bänder) und ein einbandiges PAN, die dasselbe Gebiet abdecken, mit 2- oder 4-mal kleineren PAN-Pixeln (das Verhältnis ergibt sich aus den Pixelgrößen; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (DN beliebiger Bittiefe, Strahldichte, Reflexionsgrad; intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: Die mitgelieferten Gewichte wurden auf Landsat-7 trainiert (4 Bänder in der Reihenfolge Blau, Grün, Rot, NIR; Verhältnis 2 und Verhältnis 4). Wählen und ordnen Sie die MS-Bänder mit &lt;b&gt;MS_BANDS&lt;/b&gt; (z. B. 3,2,1,4 für eine Datei mit Rot, Grün, Blau, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; verwendet stattdessen mit &lt;i&gt;fusediff:train&lt;/i&gt; trainierte Gewichte.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 passt das Modell zunächst an das noch einmal degradierte Eingabepaar an (Wald-Protokoll): für andere Sensoren oder Bandanzahlen (z. B. WorldView-3 mit 8 Bändern; dann wird ein Modell von Grund auf angepasst, 300-1000 Iterationen, Minuten auf einer CPU). Ohne sie ist eine Bandanzahl oder ein Verhältnis, das von dem der Gewichte abweicht, ein Fehler.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den MS-Bändern im PAN-Raster, in der radiometrischen Skala des MS. Laufzeit auf einer CPU: etwa 4-5 s für ein PAN von 400 x 400 Pixeln mit 15 Schritten und 2 Threads (gemessen); eine Kachel von 448 x 448 PAN-Pixeln kostet etwa 1 CPU-Sekunde plus 0,6-1,2 CPU-Sekunden je Schritt (weniger STEPS sind schneller), zuzüglich der Anpassung. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Woher die Qualität kommt: aus dem trainierten Netz. Mit STEPS 1 ist das Ergebnis dasselbe wie mit 15 Schritten (SAM und ERGAS auf 0,1 % gleich auf einer Landsat-7-Testszene, gemessen), in etwa einem Sechstel der Zeit (0,8 s statt 5 s für ein PAN von 400 x 400 auf einem Thread); das Rauschen der Abtastung ändert das Ergebnis kaum.&lt;/p&gt;&lt;p&gt;Referenz: Cao, Deng, Deng, ResPanDiff, arXiv 2501.05091 (2025); die Bedingungsmodule des Netzes folgen DDIF (Cao et al., Information Fusion 2024).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>SDP HSI-MSI fusion (spectral diffusion prior)</source>
      <translation>SDP HSI-MSI-Fusion (spektraler Diffusionsprior)</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using SDP: a small diffusion model of spectra is trained on the HSI's own pixels (no training data needed), then the high-resolution cube is solved for so that it explains both inputs while its spectra stay plausible under that model. It starts from a fast least-squares estimate in the HSI's spectral subspace, made after both inputs' sensor noise has been suppressed (DENOISE).&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 20 s to 2 min for MSI crops of 72-96 px at ratio 4 on 2 threads (measured, including training the prior); about 8 minutes for a 480 x 480 MSI with a 198-band HSI (measured); it grows with the number of pixels and bands. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Where its quality comes from: mostly the warm start. In the project's ablation on three hyperspectral scenes (known PSF and SRF, one thread) the warm start alone scores as well as the full method (Jasper Ridge: 37.90 dB against 37.89 dB) in a tenth of the CPU time (2.6 s against 29 s); the diffusion prior's steps change the result by hundredths of a dB.&lt;/p&gt;&lt;p&gt;Reference: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</source>
      <translation>&lt;p&gt;Fusioniert ein niedrig aufgelöstes Hyperspektralraster (HSI) mit einem hoch aufgelösten Multispektralraster (MSI) mit SDP: Ein kleines Diffusionsmodell der Spektren wird auf den eigenen Pixeln des HSI trainiert (keine Trainingsdaten nötig), dann wird der hoch aufgelöste Würfel so bestimmt, dass er beide Eingaben erklärt, während seine Spektren unter diesem Modell plausibel bleiben. Er startet von einer schnellen Kleinste-Quadrate-Schätzung im spektralen Unterraum des HSI, die erst nach dem Unterdrücken des Sensorrauschens beider Eingaben berechnet wird (DENOISE).&lt;/p&gt;&lt;p&gt;Eingaben: ein HSI mit vielen Bändern (Dutzende bis Hunderte) und ein MSI mit wenigen Bändern (z. B. 3 bis 8), die dasselbe Gebiet abdecken; das Verhältnis ihrer Pixelgrößen ist eine ganze Zahl ab 2 (z. B. 4; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit den Antworten der MSI-Bänder über den HSI-Bändern (eine Zeile je MSI-Band); leer: aus dem Paar geschätzt, ebenso die Unschärfe des HSI.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im MSI-Raster, in der radiometrischen Skala des HSI. Laufzeit auf einer CPU: etwa 20 s bis 2 min für MSI-Ausschnitte von 72-96 Pixeln bei Verhältnis 4 mit 2 Threads (gemessen, einschließlich des Trainings des Priors); etwa 8 Minuten für ein MSI von 480 x 480 Pixeln mit einem HSI von 198 Bändern (gemessen); sie wächst mit der Zahl der Pixel und Bänder. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Woher die Qualität kommt: vor allem aus dem Warmstart. In der Ablation des Projekts auf drei Hyperspektralszenen (bekannte PSF und SRF, ein Thread) erreicht der Warmstart allein so viel wie das ganze Verfahren (Jasper Ridge: 37,90 dB gegenüber 37,89 dB) in einem Zehntel der CPU-Zeit (2,6 s statt 29 s); die Schritte mit dem Diffusions-Prior ändern das Ergebnis um Hundertstel dB.&lt;/p&gt;&lt;p&gt;Referenz: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Sentinel-2 20 m bands to 10 m</source>
      <translation>Sentinel-2: 20-m-Bänder auf 10 m</translation>
    </message>
    <message>
      <source>Sentinel-2</source>
      <translation>Sentinel-2</translation>
    </message>
    <message>
      <source>10 m bands (B2, B3, B4, B8)</source>
      <translation>10-m-Bänder (B2, B3, B4, B8)</translation>
    </message>
    <message>
      <source>20 m bands (B5, B6, B7, B8A, B11, B12)</source>
      <translation>20-m-Bänder (B5, B6, B7, B8A, B11, B12)</translation>
    </message>
    <message>
      <source>60 m bands (B1, B9)</source>
      <translation>60-m-Bänder (B1, B9)</translation>
    </message>
    <message>
      <source>Sharpened 20 m bands (10 m grid)</source>
      <translation>Geschärfte 20-m-Bänder (10-m-Raster)</translation>
    </message>
    <message>
      <source>Writing the output</source>
      <translation>Ausgabe wird geschrieben</translation>
    </message>
    <message>
      <source>The B60M raster's pixels are {0:.3g} times the B10M ones, but 6 is needed (60 m bands with 10 m bands).</source>
      <translation>Die Pixel des B60M-Rasters sind {0:.3g}-mal so groß wie die von B10M, nötig ist aber 6 (60-m-Bänder zu 10-m-Bändern).</translation>
    </message>
    <message>
      <source>Wrote {0}</source>
      <translation>{0} geschrieben</translation>
    </message>
    <message>
      <source>Sharpening the {0} bands.</source>
      <translation>Schärfe die {0}-Bänder.</translation>
    </message>
    <message>
      <source>Regression + high-pass injection (fast)</source>
      <translation>Regression + Hochpass-Injektion (schnell)</translation>
    </message>
    <message>
      <source>Learned on the scene (best quality)</source>
      <translation>Auf der Szene gelernt (beste Qualität)</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 35 % and ERGAS by 31 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, then the 60 m bands when B60M is given, with their band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: a full 10980 x 10980 tile (20 m bands) with the learned method took 7.5 minutes on 2 cores (15 CPU-minutes: about 2 minutes of training, then the tiles) with a peak of 2.3 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): the 60 m bands (B1, B9) in one raster, whose pixels must be 6 times the B10M ones; they are sharpened at ratio 6 by the same method, learned separately on them, and written after the 20 m bands (the product reader's 60 m output fits as it is). Nodata pixels of any input are written as nodata. On the benchmark crop (Wald's protocol at ratio 6) both methods lowered SAM and ERGAS about 3-fold against cubic upsampling; the learned method did not beat the regression there.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the difference between the learned method's output and the regression result (METHOD 0: between the regression result and cubic upsampling), calibrated on a Sentinel-2 crop by Wald's protocol so that about 90 % of true values lie within +-1.645 sigma (84 % on parts of the crop not used for calibration). Costs almost nothing; not written when empty.&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation>&lt;p&gt;Schärft die 20-m-Bänder von Sentinel-2 (B5, B6, B7, B8A, B11, B12) mit den 10-m-Bändern (B2, B3, B4, B8) auf 10 m. Jedes Rasterpaar mit Pixelgrößen im Verhältnis 2:1 funktioniert (das Verhältnis wird aus den Pixelgrößen bestimmt; Bandnamen sind nicht nötig); die Eingaben werden wie bei jedem anderen Algorithmus über die Georeferenz ausgerichtet.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: die 10-m-Bänder in einem Raster, in der Reihenfolge B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: die 20-m-Bänder in einem Raster, in der Reihenfolge B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + Hochpass-Injektion&lt;/i&gt;: für jedes 20-m-Band wird aus den 10-m-Bändern per kleinster Quadrate auf 20 m ein synthetisches Band gebildet, dessen Feindetail mit einer eine Stufe tiefer angepassten Verstärkung zum hochgerechneten Band addiert wird (Sekunden). &lt;i&gt;Auf der Szene gelernt&lt;/i&gt; (Standard): ein kleines Netz wird auf der Szene selbst trainiert (beide Eingaben noch einmal degradiert: 10 m auf 20 m und 20 m auf 40 m, mit der Unschärfe von Sentinel-2), um die 20-m-Bänder auf Basis des Regressionsergebnisses wiederherzustellen, und dann auf 10 m angewandt. Auf dem Benchmark-Ausschnitt (Wald-Protokoll, bewertet gegen die echten 20-m-Bänder) senkte es SAM um 35 % und ERGAS um 31 % gegenüber dem Besseren von kubischer Interpolation und der Regressionsmethode.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32, sofern OUTPUT_TYPE nichts anderes sagt) mit den 20-m-Bändern auf dem 10-m-Raster, in der Reihenfolge von B20M, danach die 60-m-Bänder, wenn B60M angegeben ist, mit ihren Bandnamen und radiometrischer Einheit. NoData-Pixel einer der Eingaben werden als NoData geschrieben. Die Werte dürfen L1C/L2A-Digitalwerte oder Reflexionsgrade sein; der L2A-Offset (-1000 ab Baseline 04.00) wird hier nicht entfernt: verwenden Sie die Ausgabe des Produktlesers oder entfernen Sie ihn vorher (die Methode ist linear in einem allen Bändern gemeinsamen Offset, aber die Ausgabe behält ihn).&lt;/p&gt;&lt;p&gt;Laufzeit auf einer CPU: eine ganze 10980 x 10980-Kachel (20-m-Bänder) mit der gelernten Methode dauerte 7,5 Minuten auf 2 Kernen (15 CPU-Minuten: etwa 2 Minuten Training, dann die Kacheln), bei höchstens 2,3 GB Speicher. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): die 60-m-Bänder (B1, B9) in einem Raster, dessen Pixel 6-mal so groß wie die von B10M sein müssen; sie werden mit derselben Methode im Verhältnis 6 geschärft, getrennt an ihnen gelernt, und nach den 20-m-Bändern geschrieben (die 60-m-Ausgabe des Produktlesers passt so, wie sie ist). NoData-Pixel jeder Eingabe werden als NoData geschrieben. Auf dem Benchmark-Ausschnitt (Wald-Protokoll im Verhältnis 6) senkten beide Methoden SAM und ERGAS gegenüber kubischer Vergrößerung etwa um das Dreifache; die gelernte Methode war dort nicht besser als die Regression.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): ein Float32-Raster auf dem Raster der Ausgabe mit, je Pixel und Band, einer kalibrierten Standardabweichung in den Einheiten der Ausgabe, aus dem Unterschied zwischen dem Ergebnis der gelernten Methode und dem Regressionsergebnis (METHOD 0: zwischen dem Regressionsergebnis und kubischer Vergrößerung), an einem Sentinel-2-Ausschnitt nach dem Wald-Protokoll so kalibriert, dass etwa 90 % der wahren Werte innerhalb von +-1,645 Sigma liegen (84 % auf nicht zur Kalibrierung verwendeten Teilen des Ausschnitts). Kostet fast nichts; nicht geschrieben, wenn leer.&lt;/p&gt;&lt;p&gt;Literatur: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald-Protokoll); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP-Injektion); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, gelerntes Schärfen von Sentinel-2).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Samples drawn for the UNCERTAINTY output: the learned method's output and the regression + high-pass injection result, plus, for K above 1, the network on K - 1 flips/rotations of the inputs (with METHOD 0: that result and the cubic-upsampled bands, whatever K). The calibration was fitted with the default K of 1, which costs almost nothing beyond the sharpened raster.</source>
      <translation>Für die UNCERTAINTY-Ausgabe gezogene Stichproben: das Ergebnis der gelernten Methode und das Ergebnis von Regression + Hochpass-Injektion, dazu für K über 1 das Netz auf K - 1 Spiegelungen/Drehungen der Eingaben (mit METHOD 0: dieses Ergebnis und die kubisch vergrößerten Bänder, unabhängig von K). Die Kalibrierung wurde mit dem Standard-K von 1 angepasst, das kaum mehr kostet als das geschärfte Raster.</translation>
    </message>
    <message>
      <source>Simulate a fusion pair (Wald's protocol)</source>
      <translation>Fusionspaar simulieren (Wald-Protokoll)</translation>
    </message>
    <message>
      <source>Reading the reference</source>
      <translation>Referenz wird gelesen</translation>
    </message>
    <message>
      <source>Simulating</source>
      <translation>Simulation läuft</translation>
    </message>
    <message>
      <source>Writing the outputs</source>
      <translation>Ausgaben werden geschrieben</translation>
    </message>
    <message>
      <source>Reference raster</source>
      <translation>Referenzraster</translation>
    </message>
    <message>
      <source>Resolution ratio</source>
      <translation>Auflösungsverhältnis</translation>
    </message>
    <message>
      <source>Decimation factor (a whole number, 2 or more).</source>
      <translation>Dezimierungsfaktor (eine ganze Zahl, 2 oder mehr).</translation>
    </message>
    <message>
      <source>Point spread function</source>
      <translation>Punktspreizfunktion</translation>
    </message>
    <message>
      <source>MTF gain at Nyquist (MTF-matched PSF)</source>
      <translation>MTF-Verstärkung bei Nyquist (MTF-angepasste PSF)</translation>
    </message>
    <message>
      <source>Gaussian sigma in reference pixels (Gaussian PSF)</source>
      <translation>Gauß-Sigma in Referenzpixeln (Gauß-PSF)</translation>
    </message>
    <message>
      <source>Spectral response of the high-resolution raster</source>
      <translation>Spektrale Antwort des hoch aufgelösten Rasters</translation>
    </message>
    <message>
      <source>Spectral response CSV file</source>
      <translation>CSV-Datei der spektralen Antwort</translation>
    </message>
    <message>
      <source>Band centres in nm, comma separated (empty: from the raster)</source>
      <translation>Bandmitten in nm, durch Kommas getrennt (leer: aus dem Raster)</translation>
    </message>
    <message>
      <source>Signal-to-noise ratio in dB (0: no noise)</source>
      <translation>Signal-Rausch-Verhältnis in dB (0: kein Rauschen)</translation>
    </message>
    <message>
      <source>Simulated low-resolution raster</source>
      <translation>Simuliertes niedrig aufgelöstes Raster</translation>
    </message>
    <message>
      <source>Simulated high-resolution raster</source>
      <translation>Simuliertes hoch aufgelöstes Raster</translation>
    </message>
    <message>
      <source>OUTPUT_LOWRES and OUTPUT_HIGHRES are the same file; choose two different paths.</source>
      <translation>OUTPUT_LOWRES und OUTPUT_HIGHRES sind dieselbe Datei; wählen Sie zwei verschiedene Pfade.</translation>
    </message>
    <message>
      <source>The IKONOS-like response and the sensor responses need the reference's band wavelengths, which its metadata does not give: enter them in WAVELENGTHS (nm).</source>
      <translation>Die IKONOS-ähnliche Antwort und die Sensorempfindlichkeiten benötigen die Bandwellenlängen der Referenz, die ihre Metadaten nicht angeben: Tragen Sie sie in WAVELENGTHS (nm) ein.</translation>
    </message>
    <message>
      <source>PSF {0} ({1} x {1}); spectral response {2} ({3} band(s)); SNR {4}.</source>
      <translation>PSF {0} ({1} x {1}); spektrale Antwort {2} ({3} Band/Bänder); SNR {4}.</translation>
    </message>
    <message>
      <source>none</source>
      <translation>keins</translation>
    </message>
    <message>
      <source>SRF is 'CSV file' but no spectral response CSV file was given (SRF_FILE).</source>
      <translation>SRF ist „CSV-Datei“, aber es wurde keine CSV-Datei der spektralen Antwort angegeben (SRF_FILE).</translation>
    </message>
    <message>
      <source>The reference's band wavelengths are unknown: the PAN is the mean of all bands. Give WAVELENGTHS to use 450-900 nm only.</source>
      <translation>Die Bandwellenlängen der Referenz sind unbekannt: Das PAN ist das Mittel aller Bänder. Geben Sie WAVELENGTHS an, um nur 450-900 nm zu verwenden.</translation>
    </message>
    <message>
      <source>The ratio must be a whole number of 2 or more (got {0}).</source>
      <translation>Das Verhältnis muss eine ganze Zahl von 2 oder mehr sein (erhalten: {0}).</translation>
    </message>
    <message>
      <source>The reference raster '{0}' has no valid pixel (all nodata, NaN or infinite).</source>
      <translation>Das Referenzraster „{0}“ hat kein gültiges Pixel (alles Nodata, NaN oder unendlich).</translation>
    </message>
    <message>
      <source>The reference raster ({0} x {1} px) is too small for ratio {2}.</source>
      <translation>Das Referenzraster ({0} x {1} px) ist für das Verhältnis {2} zu klein.</translation>
    </message>
    <message>
      <source>gauss9: 9 x 9 Gaussian whose FWHM equals the ratio</source>
      <translation>gauss9: 9 x 9-Gauß, dessen Halbwertsbreite dem Verhältnis entspricht</translation>
    </message>
    <message>
      <source>MTF-matched Gaussian (gain at the low-resolution Nyquist frequency)</source>
      <translation>MTF-angepasster Gauß (Verstärkung bei der Nyquist-Frequenz der niedrigen Auflösung)</translation>
    </message>
    <message>
      <source>Gaussian with the given sigma</source>
      <translation>Gauß mit dem angegebenen Sigma</translation>
    </message>
    <message>
      <source>PAN: mean of the bands centred in 450-900 nm</source>
      <translation>PAN: Mittel der Bänder mit Mitte in 450-900 nm</translation>
    </message>
    <message>
      <source>IKONOS-like Blue, Green, Red, NIR (4 bands)</source>
      <translation>IKONOS-ähnlich Blau, Grün, Rot, NIR (4 Bänder)</translation>
    </message>
    <message>
      <source>Spectral response from a CSV file</source>
      <translation>Spektrale Antwort aus einer CSV-Datei</translation>
    </message>
    <message>
      <source>&lt;p&gt;Simulates the inputs of a fusion method from a reference image (Wald's protocol), so a fused result can be compared with the reference (see Assess fusion quality).&lt;/p&gt;&lt;p&gt;&lt;b&gt;REFERENCE&lt;/b&gt;: a multispectral or hyperspectral raster (2 bands or more); band wavelengths are read from its metadata or given in WAVELENGTHS (nm). Values may be in any radiometric unit; both outputs are float32 in the reference's unit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_LOWRES&lt;/b&gt;: the reference blurred by the PSF and decimated by RATIO (a whole number, 2 or more; pixels 0, r, 2r...; its origin is shifted by -(r-1)/2 reference pixels so each pixel sits on the reference pixel it was taken from). &lt;b&gt;OUTPUT_HIGHRES&lt;/b&gt;: the spectral response applied to the reference on its own grid: a PAN (mean of the bands in 450-900 nm), IKONOS-like Blue/Green/Red/NIR bands, or the response in a CSV file (one row per output band, one column per reference band). SNR adds Gaussian noise whose power is SNR dB below each band's mean signal power (0: no noise); SEED makes it repeatable.&lt;/p&gt;&lt;p&gt;Runtime: about a second per 1000 x 1000 x 100 values on a CPU; it always runs on the CPU (a GPU would not help much: the work is a few convolutions). The whole reference is held in memory.&lt;/p&gt;&lt;p&gt;Reference: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997.&lt;/p&gt;</source>
      <translation>&lt;p&gt;Simuliert die Eingaben eines Fusionsverfahrens aus einem Referenzbild (Wald-Protokoll), sodass ein fusioniertes Ergebnis mit der Referenz verglichen werden kann (siehe „Fusionsqualität bewerten“).&lt;/p&gt;&lt;p&gt;&lt;b&gt;REFERENCE&lt;/b&gt;: ein Multi- oder Hyperspektralraster (2 Bänder oder mehr); die Wellenlängen der Bänder werden aus seinen Metadaten gelesen oder in WAVELENGTHS (nm) angegeben. Die Werte können in beliebiger radiometrischer Einheit vorliegen; beide Ausgaben sind float32 in der Einheit der Referenz.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_LOWRES&lt;/b&gt;: die Referenz, mit der PSF geglättet und um RATIO dezimiert (eine ganze Zahl ab 2; Pixel 0, r, 2r...; ihr Ursprung ist um -(r-1)/2 Referenzpixel verschoben, sodass jedes Pixel auf dem Referenzpixel liegt, aus dem es stammt). &lt;b&gt;OUTPUT_HIGHRES&lt;/b&gt;: die spektrale Antwort, angewandt auf die Referenz in deren eigenem Raster: ein PAN (Mittel der Bänder in 450-900 nm), IKONOS-ähnliche Bänder Blau/Grün/Rot/NIR oder die Antwort aus einer CSV-Datei (eine Zeile je Ausgabeband, eine Spalte je Referenzband). SNR fügt Gaußsches Rauschen hinzu, dessen Leistung SNR dB unter der mittleren Signalleistung jedes Bandes liegt (0: kein Rauschen); SEED macht es reproduzierbar.&lt;/p&gt;&lt;p&gt;Laufzeit: etwa eine Sekunde je 1000 x 1000 x 100 Werte auf einer CPU; es läuft immer auf der CPU (eine GPU brächte wenig: die Arbeit besteht aus wenigen Faltungen). Die ganze Referenz wird im Speicher gehalten.&lt;/p&gt;&lt;p&gt;Referenz: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Train pansharpening weights (ResPanDiff, KSDiff)</source>
      <translation>Pansharpening-Gewichte trainieren (ResPanDiff, KSDiff)</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>Training</translation>
    </message>
    <message>
      <source>Full-resolution PAN rasters</source>
      <translation>Voll aufgelöste PAN-Raster</translation>
    </message>
    <message>
      <source>Full-resolution MS rasters (same order as the PANs)</source>
      <translation>Voll aufgelöste MS-Raster (gleiche Reihenfolge wie die PANs)</translation>
    </message>
    <message>
      <source>PanCollection HDF5 file</source>
      <translation>PanCollection-HDF5-Datei</translation>
    </message>
    <message>
      <source>MS bands (e.g. 3,2,1,4; empty: all)</source>
      <translation>MS-Bänder (z. B. 3,2,1,4; leer: alle)</translation>
    </message>
    <message>
      <source>Iterations (KSDiff: stage 1)</source>
      <translation>Iterationen (KSDiff: Stufe 1)</translation>
    </message>
    <message>
      <source>KSDiff stage 2 iterations</source>
      <translation>KSDiff-Iterationen der Stufe 2</translation>
    </message>
    <message>
      <source>Patches per iteration</source>
      <translation>Ausschnitte pro Iteration</translation>
    </message>
    <message>
      <source>Patch size (PAN pixels)</source>
      <translation>Ausschnittgröße (PAN-Pixel)</translation>
    </message>
    <message>
      <source>Learning rate</source>
      <translation>Lernrate</translation>
    </message>
    <message>
      <source>Resume from weights</source>
      <translation>Fortsetzen ab Gewichten</translation>
    </message>
    <message>
      <source>Weights file</source>
      <translation>Gewichtsdatei</translation>
    </message>
    <message>
      <source>PyTorch weights (*.pt)</source>
      <translation>PyTorch-Gewichte (*.pt)</translation>
    </message>
    <message>
      <source>Reading training pairs</source>
      <translation>Trainingspaare werden gelesen</translation>
    </message>
    <message>
      <source>Training on {0} image(s), {1} for validation, ratio {2}, {3} bands.</source>
      <translation>Training mit {0} Bild(ern), {1} zur Validierung, Verhältnis {2}, {3} Bänder.</translation>
    </message>
    <message>
      <source>Wrote {0} and its model card {1}</source>
      <translation>{0} und seine Modellkarte {1} geschrieben</translation>
    </message>
    <message>
      <source>ResPanDiff</source>
      <translation>ResPanDiff</translation>
    </message>
    <message>
      <source>KSDiff</source>
      <translation>KSDiff</translation>
    </message>
    <message>
      <source>&lt;p&gt;Trains ResPanDiff or KSDiff weights (&lt;b&gt;METHOD&lt;/b&gt;) for a sensor. Give either full-resolution &lt;b&gt;PANS&lt;/b&gt; and &lt;b&gt;MSS&lt;/b&gt; raster lists (pairs in the same order; each pair is degraded by its ratio with MTF-matched Gaussians, Wald's protocol, and random patches of the degraded pair are learnt) or a PanCollection-style &lt;b&gt;HDF5&lt;/b&gt; file (datasets gt, ms, lms, pan, scaled by their maximum value). &lt;b&gt;MS_BANDS&lt;/b&gt; picks and orders the MS bands (e.g. 3,2,1,4).&lt;/p&gt;&lt;p&gt;Inputs: one-band PAN rasters and MS rasters of 2 bands or more (the same bands in every pair), with PAN pixels a whole number of times smaller (the same ratio for every pair; RATIO overrides it). Values may be in any radiometric unit; each pair is scaled by its own robust maximum.&lt;/p&gt;&lt;p&gt;With several pairs the last one is used for validation (SAM, ERGAS and Q logged). &lt;b&gt;RESUME&lt;/b&gt; continues from a weights file. &lt;b&gt;OUTPUT&lt;/b&gt;: the weights (.pt) with a JSON model card beside it; use them as WEIGHTS_FILE of ResPanDiff or KSDiff.&lt;/p&gt;&lt;p&gt;KSDiff trains in two stages: &lt;b&gt;ITERATIONS&lt;/b&gt; of stage 1 (encoder with the ground truth, kernel generators and pansharpener) then &lt;b&gt;ITERATIONS2&lt;/b&gt; of stage 2 (the latent diffusion model, jointly with the pansharpener); about 0.2-0.3 s per iteration on one CPU core.&lt;/p&gt;&lt;p&gt;Runtime: about 1 s per iteration of 8 patches of 64 x 64 on one CPU core (measured). On a GPU typically several to tens of times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Cao, Deng, Deng, ResPanDiff: Diffusion Model for Pansharpening by Inferring Residual Inference, arXiv 2501.05091 (2025); Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation>&lt;p&gt;Trainiert ResPanDiff- oder KSDiff-Gewichte (&lt;b&gt;METHOD&lt;/b&gt;) für einen Sensor. Geben Sie entweder Listen von &lt;b&gt;PANS&lt;/b&gt;- und &lt;b&gt;MSS&lt;/b&gt;-Rastern in voller Auflösung an (Paare in derselben Reihenfolge; jedes Paar wird um sein Verhältnis mit MTF-angepassten Gauß-Filtern degradiert, Wald-Protokoll, und zufällige Ausschnitte des degradierten Paares werden gelernt) oder eine &lt;b&gt;HDF5&lt;/b&gt;-Datei im PanCollection-Format (Datensätze gt, ms, lms, pan, skaliert mit ihrem Maximalwert). &lt;b&gt;MS_BANDS&lt;/b&gt; wählt und ordnet die MS-Bänder (z. B. 3,2,1,4).&lt;/p&gt;&lt;p&gt;Eingaben: einbandige PAN-Raster und MS-Raster mit 2 oder mehr Bändern (in jedem Paar dieselben Bänder), mit um einen ganzzahligen Faktor kleineren PAN-Pixeln (für jedes Paar dasselbe Verhältnis; RATIO überschreibt es). Werte in beliebiger radiometrischer Einheit; jedes Paar wird mit seinem eigenen robusten Maximum skaliert.&lt;/p&gt;&lt;p&gt;Bei mehreren Paaren dient das letzte zur Validierung (SAM, ERGAS und Q werden protokolliert). &lt;b&gt;RESUME&lt;/b&gt; setzt das Training aus einer Gewichtsdatei fort. &lt;b&gt;OUTPUT&lt;/b&gt;: die Gewichte (.pt) mit einer JSON-Modellkarte daneben; verwenden Sie sie als WEIGHTS_FILE von ResPanDiff oder KSDiff.&lt;/p&gt;&lt;p&gt;KSDiff trainiert in zwei Stufen: &lt;b&gt;ITERATIONS&lt;/b&gt; der Stufe 1 (Encoder mit der Referenz, Kernelgeneratoren und Pansharpener), dann &lt;b&gt;ITERATIONS2&lt;/b&gt; der Stufe 2 (das latente Diffusionsmodell, gemeinsam mit dem Pansharpener); etwa 0,2-0,3 s pro Iteration auf einem CPU-Kern.&lt;/p&gt;&lt;p&gt;Laufzeit: etwa 1 s pro Iteration mit 8 Ausschnitten von 64 x 64 auf einem CPU-Kern (gemessen). Auf einer GPU typischerweise um ein Mehrfaches bis Zehnfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Quellen: Cao, Deng, Deng, ResPanDiff: Diffusion Model for Pansharpening by Inferring Residual Inference, arXiv 2501.05091 (2025); Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Not enough memory for these inputs. Clip the rasters to a smaller area and run again.</source>
      <translation>Nicht genug Speicher für diese Eingaben. Schneiden Sie die Raster auf ein kleineres Gebiet zu und starten Sie erneut.</translation>
    </message>
    <message>
      <source>Cancelled by the user; no output was written.</source>
      <translation>Vom Benutzer abgebrochen; es wurde keine Ausgabe geschrieben.</translation>
    </message>
    <message>
      <source>No weights fit {0} bands: a model was fitted on this scene.</source>
      <translation>Keine Gewichte passen zu {0} Bändern: Es wurde ein Modell auf dieser Szene angepasst.</translation>
    </message>
    <message>
      <source>Warning: the uncertainty is not calibrated for these weights or this adapted model; its scale (factor {0:g}, from the bundled ratio-2 weights) is a guess.</source>
      <translation>Warnung: die Unsicherheit ist für diese Gewichte oder dieses angepasste Modell nicht kalibriert; ihr Maßstab (Faktor {0:g}, von den mitgelieferten Gewichten für Verhältnis 2) ist geschätzt.</translation>
    </message>
    <message>
      <source>Warning: the uncertainty of {0} is not calibrated; its scale is a guess.</source>
      <translation>Warnung: die Unsicherheit von {0} ist nicht kalibriert; ihr Maßstab ist geschätzt.</translation>
    </message>
    <message>
      <source>Weights trained on: {0}</source>
      <translation>Gewichte trainiert auf: {0}</translation>
    </message>
    <message>
      <source>Preset: 'default' is fast on a CPU; 'paper' follows the paper (far slower). Advanced settings left at their defaults take the preset's values.</source>
      <translation>Voreinstellung: 'default' ist auf einer CPU schnell; 'paper' folgt dem Artikel (weit langsamer). Erweiterte Einstellungen, die auf ihren Standardwerten bleiben, übernehmen die Werte der Voreinstellung.</translation>
    </message>
    <message>
      <source>Finished in {0:.1f} s.</source>
      <translation>Fertig in {0:.1f} s.</translation>
    </message>
    <message>
      <source>The inputs look swapped: {0} ('{1}') has {2} band(s) of {3:g} x {4:g} pixels and {5} ('{6}') {7} band(s) of {8:g} x {9:g}, but {0} must be the high-resolution raster (smaller pixels) and {5} the low-resolution spectral one; exchange them.</source>
      <translation>Die Eingaben scheinen vertauscht: {0} ('{1}') hat {2} Band/Bänder mit Pixeln von {3:g} x {4:g} und {5} ('{6}') {7} Band/Bänder mit {8:g} x {9:g}, aber {0} muss das hochauflösende Raster (kleinere Pixel) und {5} das niedrig aufgelöste Spektralraster sein; tauschen Sie sie.</translation>
    </message>
    <message>
      <source>The output {0} '{1}' is also an input; inputs are never overwritten. Choose another output path.</source>
      <translation>Die Ausgabe {0} „{1}“ ist zugleich eine Eingabe; Eingaben werden nie überschrieben. Wählen Sie einen anderen Ausgabepfad.</translation>
    </message>
    <message>
      <source>The output {0} '{1}' has an extension FuseDiff does not write: give it a name ending in {2}.</source>
      <translation>Die Ausgabe {0} '{1}' hat eine Endung, die FuseDiff nicht schreibt: Geben Sie ihr einen Namen mit der Endung {2}.</translation>
    </message>
    <message>
      <source>Reading and aligning the inputs</source>
      <translation>Eingaben werden gelesen und ausgerichtet</translation>
    </message>
    <message>
      <source>The rasters have no pixel that is valid in both (all nodata, NaN or infinite in the overlap). Check the inputs' nodata values.</source>
      <translation>Die Raster haben kein Pixel, das in beiden gültig ist (alles Nodata, NaN oder unendlich in der Überlappung). Prüfen Sie die Nodata-Werte der Eingaben.</translation>
    </message>
    <message>
      <source>Aligned inputs: high resolution {0} band(s) of {1} x {2} px, low resolution {3} band(s) of {4} x {5} px, ratio {6}, {7} nodata pixel(s).</source>
      <translation>Ausgerichtete Eingaben: hohe Auflösung {0} Band/Bänder mit {1} x {2} px, niedrige Auflösung {3} Band/Bänder mit {4} x {5} px, Verhältnis {6}, {7} Nodata-Pixel.</translation>
    </message>
    <message>
      <source>Aligned inputs: high resolution {0} band(s) of {1} x {2} px, low resolution {3} band(s) of {4} x {5} px, ratio {6}.</source>
      <translation>Ausgerichtete Eingaben: hohe Auflösung {0} Band/Bänder mit {1} x {2} px, niedrige Auflösung {3} Band/Bänder mit {4} x {5} px, Verhältnis {6}.</translation>
    </message>
    <message>
      <source>Scene scale: values divided by {0:g} (the {1:g}th percentile of the valid input values, {2:g}, maps to {3:g}: the level the method was trained or tuned at).</source>
      <translation>Szenenskalierung: Werte geteilt durch {0:g} (das {1:g}. Perzentil der gültigen Eingabewerte, {2:g}, wird auf {3:g} abgebildet: das Niveau, auf dem die Methode trainiert oder abgestimmt wurde).</translation>
    </message>
    <message>
      <source>{0}: learned from {1} window(s) of the scene in {2:.1f} s.</source>
      <translation>{0}: aus {1} Fenster(n) der Szene in {2:.1f} s gelernt.</translation>
    </message>
    <message>
      <source>{0}: tile fused in {1:.1f} s.</source>
      <translation>{0}: Kachel in {1:.1f} s fusioniert.</translation>
    </message>
    <message>
      <source>{0}: tile and its uncertainty fused in {1:.1f} s.</source>
      <translation>{0}: Kachel und ihre Unsicherheit in {1:.1f} s fusioniert.</translation>
    </message>
    <message>
      <source>The resolution ratio must be greater than 1 (got {0}): it is the low-resolution pixel size divided by the high-resolution one. Leave RATIO empty to take it from the rasters.</source>
      <translation>Das Auflösungsverhältnis muss größer als 1 sein (erhalten: {0}): Es ist die Pixelgröße der niedrigen Auflösung geteilt durch die der hohen. Lassen Sie RATIO leer, um es aus den Rastern zu bestimmen.</translation>
    </message>
    <message>
      <source>The pixel sizes give a ratio of {0:.3f}; the low-resolution raster was resampled to the whole ratio {1}.</source>
      <translation>Die Pixelgrößen ergeben ein Verhältnis von {0:.3f}; das niedrig aufgelöste Raster wurde auf das ganzzahlige Verhältnis {1} umgetastet.</translation>
    </message>
    <message>
      <source>Processing {0} tiles of {1} x {1} px (overlap {2} px).</source>
      <translation>Verarbeitung in {0} Kacheln von {1} x {1} px (Überlappung {2} px).</translation>
    </message>
    <message>
      <source>{0} has no uncertainty output.</source>
      <translation>{0} hat keine Unsicherheitsausgabe.</translation>
    </message>
    <message>
      <source>The SRF file must have one row (the PAN's response).</source>
      <translation>Die SRF-Datei muss eine Zeile haben (die Antwort des PAN).</translation>
    </message>
    <message>
      <source>The SRF file has {0} rows but the MSI has {1} bands: one row per MSI band is needed.</source>
      <translation>Die SRF-Datei hat {0} Zeilen, das MSI aber {1} Bänder: Es wird eine Zeile je MSI-Band benötigt.</translation>
    </message>
    <message>
      <source>tile {0}/{1}</source>
      <translation>Kachel {0}/{1}</translation>
    </message>
    <message>
      <source>{0}, ~{1} s left</source>
      <translation>{0}, noch ca. {1} s</translation>
    </message>
    <message>
      <source>{0}, ~{1} min left</source>
      <translation>{0}, noch ca. {1} min</translation>
    </message>
    <message>
      <source>The GPU ran out of memory with tiles of {0} px; retrying with tiles of {1} px.</source>
      <translation>Der GPU-Speicher reichte für Kacheln von {0} px nicht; neuer Versuch mit Kacheln von {1} px.</translation>
    </message>
    <message>
      <source>The GPU ran out of memory even with tiles of {0} px ({1}). Choose DEVICE 'cpu', close other programs using the GPU, or use a GPU with more memory.</source>
      <translation>Der GPU-Speicher reichte selbst für Kacheln von {0} px nicht ({1}). Wählen Sie DEVICE „cpu“, schließen Sie andere Programme, die die GPU nutzen, oder verwenden Sie eine GPU mit mehr Speicher.</translation>
    </message>
    <message>
      <source>Incorrect parameter value for {0}</source>
      <translation>Ungültiger Parameterwert für {0}</translation>
    </message>
    <message>
      <source>The input {0} is not a file-based raster ({1}); export it to GeoTIFF first.</source>
      <translation>Die Eingabe {0} ist kein dateibasiertes Raster ({1}); exportieren Sie sie zuerst als GeoTIFF.</translation>
    </message>
    <message>
      <source>Install dependencies (PyTorch)</source>
      <translation>Abhängigkeiten installieren (PyTorch)</translation>
    </message>
    <message>
      <source>Setup</source>
      <translation>Einrichtung</translation>
    </message>
    <message>
      <source>&lt;p&gt;Installs what FuseDiff's diffusion methods need and this QGIS lacks: PyTorch 2.13.0 (CPU or CUDA build, chosen from the NVIDIA driver it finds where the source offers both), with pip and QGIS's own Python, into a folder of your QGIS profile (python/fusediff-deps-pyXY; no administrator rights). NumPy and GDAL are never installed: QGIS's own are used. The classical, simulate and assess algorithms need nothing (they use QGIS's GDAL). Restart QGIS afterwards if a FuseDiff algorithm already failed in this session.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Source&lt;/b&gt;: empty = pip's configured package index (internet); a folder of wheel files (offline install, e.g. copied from another machine with 'pip download'); or the URL of another package index.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Also install Dask&lt;/b&gt;: only needed to run FuseDiff on a Dask cluster from Python.&lt;/p&gt;&lt;p&gt;To undo: Plugins &gt; FuseDiff &gt; Remove installed dependencies, or delete the folder named in the log.&lt;/p&gt;</source>
      <translation>&lt;p&gt;Installiert, was die Diffusionsverfahren von FuseDiff brauchen und diesem QGIS fehlt: PyTorch 2.13.0 (CPU- oder CUDA-Version, gewählt nach dem gefundenen NVIDIA-Treiber, wo die Quelle beide anbietet), mit pip und QGIS' eigenem Python, in einen Ordner Ihres QGIS-Profils (python/fusediff-deps-pyXY; keine Administratorrechte). NumPy und GDAL werden nie installiert: die von QGIS werden verwendet. Die Algorithmen classical, simulate und assess brauchen nichts (sie verwenden das GDAL von QGIS). Starten Sie QGIS danach neu, falls ein FuseDiff-Algorithmus in dieser Sitzung bereits fehlgeschlagen ist.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Quelle&lt;/b&gt;: leer = der in pip eingestellte Paketindex (Internet); ein Ordner mit Wheel-Dateien (Offline-Installation, z. B. auf einem anderen Rechner mit 'pip download' geladen); oder die URL eines anderen Paketindex.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Auch Dask installieren&lt;/b&gt;: nur nötig, um FuseDiff aus Python auf einem Dask-Cluster auszuführen.&lt;/p&gt;&lt;p&gt;Rückgängig machen: Erweiterungen &gt; FuseDiff &gt; Installierte Abhängigkeiten entfernen, oder den im Protokoll genannten Ordner löschen.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>PyTorch build where the source offers several</source>
      <translation>PyTorch-Version, wo die Quelle mehrere anbietet</translation>
    </message>
    <message>
      <source>Reinstall even what already loads (repairs a broken install)</source>
      <translation>Auch neu installieren, was schon lädt (repariert eine defekte Installation)</translation>
    </message>
    <message>
      <source>Source: a folder of wheels or a package index URL (empty: pip's configured index)</source>
      <translation>Quelle: ein Ordner mit Wheels oder die URL eines Paketindex (leer: der in pip eingestellte Index)</translation>
    </message>
    <message>
      <source>Also install Dask (dask, distributed)</source>
      <translation>Auch Dask installieren (dask, distributed)</translation>
    </message>
    <message>
      <source>Dependencies folder</source>
      <translation>Ordner der Abhängigkeiten</translation>
    </message>
    <message>
      <source>Installed packages</source>
      <translation>Installierte Pakete</translation>
    </message>
    <message>
      <source>Detect (CUDA when an NVIDIA driver is found)</source>
      <translation>Erkennen (CUDA, wenn ein NVIDIA-Treiber gefunden wird)</translation>
    </message>
    <message>
      <source>CPU</source>
      <translation>CPU</translation>
    </message>
    <message>
      <source>CUDA</source>
      <translation>CUDA</translation>
    </message>
    <message>
      <source>Dependencies folder: {0}</source>
      <translation>Ordner der Abhängigkeiten: {0}</translation>
    </message>
    <message>
      <source>Nothing to install: every dependency already loads.</source>
      <translation>Nichts zu installieren: alle Abhängigkeiten laden bereits.</translation>
    </message>
    <message>
      <source>Cancelled by the user; the dependencies folder was left as it was.</source>
      <translation>Vom Benutzer abgebrochen; der Ordner der Abhängigkeiten blieb unverändert.</translation>
    </message>
    <message>
      <source>Installed into {0}: {1}</source>
      <translation>Installiert in {0}: {1}</translation>
    </message>
    <message>
      <source>To install: {0}</source>
      <translation>Zu installieren: {0}</translation>
    </message>
    <message>
      <source>CPU threads for FuseDiff (0 = all cores)</source>
      <translation>CPU-Threads für FuseDiff (0 = alle Kerne)</translation>
    </message>
    <message>
      <source>Install dependencies (PyTorch)…</source>
      <translation>Abhängigkeiten installieren (PyTorch)…</translation>
    </message>
    <message>
      <source>Remove installed dependencies…</source>
      <translation>Installierte Abhängigkeiten entfernen…</translation>
    </message>
    <message>
      <source>Every dependency already loads; nothing to install.</source>
      <translation>Alle Abhängigkeiten laden bereits; nichts zu installieren.</translation>
    </message>
    <message>
      <source>Install {0} for FuseDiff into {1} with pip (from pip's configured package index; PyTorch is a download of several hundred MB, {2} build: {3})? NumPy and GDAL are not touched. It runs in the background; follow or cancel it in the task manager.</source>
      <translation>{0} für FuseDiff mit pip in {1} installieren (aus dem in pip eingestellten Paketindex; PyTorch ist ein Download von mehreren hundert MB, {2}-Version: {3})? NumPy und GDAL bleiben unberührt. Es läuft im Hintergrund; verfolgen oder abbrechen können Sie es im Aufgabenmanager.</translation>
    </message>
    <message>
      <source>Installing the dependencies failed or was cancelled; see the Processing log (View &gt; Panels &gt; Log Messages).</source>
      <translation>Die Installation der Abhängigkeiten ist fehlgeschlagen oder wurde abgebrochen; siehe das Processing-Protokoll (Ansicht &gt; Bedienfelder &gt; Protokollmeldungen).</translation>
    </message>
    <message>
      <source>No dependencies are installed in {0}.</source>
      <translation>In {0} sind keine Abhängigkeiten installiert.</translation>
    </message>
    <message>
      <source>Delete {0} (PyTorch and what FuseDiff installed with it)? The diffusion algorithms then ask for the install again; the classical ones keep working.</source>
      <translation>{0} löschen (PyTorch und was FuseDiff damit installiert hat)? Die Diffusionsalgorithmen verlangen dann wieder die Installation; die klassischen funktionieren weiter.</translation>
    </message>
    <message>
      <source>Removed {0}. Restart QGIS to unload PyTorch if it was loaded.</source>
      <translation>{0} entfernt. Starten Sie QGIS neu, um PyTorch zu entladen, falls es geladen war.</translation>
    </message>
    <message>
      <source>Dependencies installed into {0}. Restart QGIS if a FuseDiff algorithm failed before in this session.</source>
      <translation>Abhängigkeiten in {0} installiert. Starten Sie QGIS neu, falls ein FuseDiff-Algorithmus in dieser Sitzung zuvor fehlgeschlagen ist.</translation>
    </message>
    <message>
      <source>Hidden layers of the spectral denoiser MLP (width 512 each).</source>
      <translation>Verborgene Schichten des spektralen Entrauscher-MLP (je Breite 512).</translation>
    </message>
    <message>
      <source>Width of the denoiser's hidden layers.</source>
      <translation>Breite der verborgenen Schichten des Entrauschers.</translation>
    </message>
    <message>
      <source>Dropout in the denoiser while training.</source>
      <translation>Dropout im Entrauscher während des Trainings.</translation>
    </message>
    <message>
      <source>Training iterations of the spectral prior.</source>
      <translation>Trainingsiterationen des spektralen Priors.</translation>
    </message>
    <message>
      <source>Spectra per training batch.</source>
      <translation>Spektren je Trainingsbatch.</translation>
    </message>
    <message>
      <source>Peak learning rate of the prior's training.</source>
      <translation>Maximale Lernrate des Prior-Trainings.</translation>
    </message>
    <message>
      <source>Learning-rate schedule of the prior's training.</source>
      <translation>Lernratenplan des Prior-Trainings.</translation>
    </message>
    <message>
      <source>Adam weight decay of the prior's training.</source>
      <translation>Adam-Gewichtsabfall des Prior-Trainings.</translation>
    </message>
    <message>
      <source>EMA decay of the prior's weights (0: off).</source>
      <translation>EMA-Abfall der Prior-Gewichte (0: aus).</translation>
    </message>
    <message>
      <source>Diffusion timesteps T of the prior.</source>
      <translation>Diffusionszeitschritte T des Priors.</translation>
    </message>
    <message>
      <source>Timesteps visited by the fusion (strided from t_start down to 1).</source>
      <translation>Von der Fusion besuchte Zeitschritte (in Sprüngen von t_start bis 1).</translation>
    </message>
    <message>
      <source>Adam steps per timestep (K).</source>
      <translation>Adam-Schritte je Zeitschritt (K).</translation>
    </message>
    <message>
      <source>Largest timestep visited, as a fraction of T (1: start from pure noise).</source>
      <translation>Größter besuchter Zeitschritt als Anteil von T (1: Start bei reinem Rauschen).</translation>
    </message>
    <message>
      <source>Smallest timestep visited, as a fraction of T (0: down to t = 1).</source>
      <translation>Kleinster besuchter Zeitschritt als Anteil von T (0: bis t = 1).</translation>
    </message>
    <message>
      <source>Adam learning rate on the fused image.</source>
      <translation>Adam-Lernrate auf dem fusionierten Bild.</translation>
    </message>
    <message>
      <source>Weight lambda of the LR-HSI data term.</source>
      <translation>Gewicht lambda des LR-HSI-Datenterms.</translation>
    </message>
    <message>
      <source>Weight gamma of the spectral diffusion prior term.</source>
      <translation>Gewicht gamma des Terms des spektralen Diffusionspriors.</translation>
    </message>
    <message>
      <source>Fraction of pixels on which the prior is evaluated per step.</source>
      <translation>Anteil der Pixel, auf denen der Prior je Schritt ausgewertet wird.</translation>
    </message>
    <message>
      <source>Most pixels on which the prior is evaluated per step, whatever the tile size (0: no limit).</source>
      <translation>Höchstzahl der Pixel, an denen der Prior je Schritt ausgewertet wird, unabhängig von der Kachelgröße (0: keine Grenze).</translation>
    </message>
    <message>
      <source>Prior gradient: 'full' backpropagates through the denoiser; 'sds' skips its Jacobian (faster).</source>
      <translation>Prior-Gradient: „full“ propagiert durch den Entrauscher zurück; „sds“ lässt seine Jacobi-Matrix aus (schneller).</translation>
    </message>
    <message>
      <source>EMA decay of the fused image over the Adam steps (0: off).</source>
      <translation>EMA-Abfall des fusionierten Bildes über die Adam-Schritte (0: aus).</translation>
    </message>
    <message>
      <source>Suppress both inputs' sensor noise before fusing (Wiener filters with noise levels estimated from the inputs); turn off for noise-free inputs.</source>
      <translation>Das Sensorrauschen beider Eingaben vor der Fusion unterdrücken (Wiener-Filter mit aus den Eingaben geschätzten Rauschpegeln); für rauschfreie Eingaben ausschalten.</translation>
    </message>
    <message>
      <source>Initial fused image: subspace least squares, cubic upsampling, or ones (the paper).</source>
      <translation>Anfangsbild der Fusion: Unterraum-Kleinste-Quadrate, kubisches Hochtasten oder Einsen (die Veröffentlichung).</translation>
    </message>
    <message>
      <source>Rank of the spectral subspace of the warm start (0: estimated from the HSI and its noise level).</source>
      <translation>Rang des spektralen Unterraums des Warmstarts (0: aus dem HSI und seinem Rauschpegel geschätzt).</translation>
    </message>
    <message>
      <source>Weight of the LR-HSI term in the warm start's least squares.</source>
      <translation>Gewicht des LR-HSI-Terms in den kleinsten Quadraten des Warmstarts.</translation>
    </message>
    <message>
      <source>What the warm start's ridge pulls towards: the mean of a spectral regression of the MSI learned on the scene and a CNMF fusion ('blend'), one of them alone, or the cubic upsampling of the LR-HSI.</source>
      <translation>Wohin der Ridge-Term des Startwerts zieht: zum Mittel aus einer auf der Szene gelernten spektralen Regression des MSI und einer CNMF-Fusion ('blend'), zu einem der beiden allein oder zur kubischen Vergrößerung des LR-HSI.</translation>
    </message>
    <message>
      <source>Polynomial degree of the spectral regression (1 or 2).</source>
      <translation>Polynomgrad der spektralen Regression (1 oder 2).</translation>
    </message>
    <message>
      <source>Ridge weight (towards the target) of the warm start, relative.</source>
      <translation>Relatives Ridge-Gewicht (zum Ziel hin) des Warmstarts.</translation>
    </message>
    <message>
      <source>Weight of the warm start's spatial smoothness term (squared gradients of the subspace coefficients), relative.</source>
      <translation>Gewicht des räumlichen Glättungsterms des Startwerts (quadrierte Gradienten der Unterraum-Koeffizienten), relativ.</translation>
    </message>
    <message>
      <source>Conjugate-gradient iterations of the warm start.</source>
      <translation>Iterationen des konjugierten Gradienten im Warmstart.</translation>
    </message>
    <message>
      <source>Alternations of the blind PSF/SRF estimation.</source>
      <translation>Wechsel der blinden PSF/SRF-Schätzung.</translation>
    </message>
    <message>
      <source>Blind SRF rows sum to 1 (off: free gains, for sensors in different radiometric units).</source>
      <translation>Zeilen der blind geschätzten SRF summieren sich zu 1 (aus: freie Verstärkungen, für Sensoren in verschiedenen radiometrischen Einheiten).</translation>
    </message>
    <message>
      <source>PSF model of the blind estimation.</source>
      <translation>PSF-Modell der blinden Schätzung.</translation>
    </message>
    <message>
      <source>Torch CPU threads (0: all cores).</source>
      <translation>Torch-CPU-Threads (0: alle Kerne).</translation>
    </message>
    <message>
      <source>Random seed (makes runs repeatable).</source>
      <translation>Zufallsstartwert (macht Läufe reproduzierbar).</translation>
    </message>
    <message>
      <source>Subspace dimension d (coefficient maps and basis spectra).</source>
      <translation>Dimension d des Unterraums (Koeffizientenkarten und Basisspektren).</translation>
    </message>
    <message>
      <source>U-Net channels at full resolution.</source>
      <translation>U-Net-Kanäle in voller Auflösung.</translation>
    </message>
    <message>
      <source>U-Net resolution levels (each halves the size; channel multiplier 2 after the first).</source>
      <translation>U-Net-Auflösungsstufen (jede halbiert die Größe; Kanalfaktor 2 nach der ersten).</translation>
    </message>
    <message>
      <source>Residual blocks per U-Net level.</source>
      <translation>Residuenblöcke je U-Net-Stufe.</translation>
    </message>
    <message>
      <source>Training iterations of the spatial network.</source>
      <translation>Trainingsiterationen des räumlichen Netzes.</translation>
    </message>
    <message>
      <source>Patches per training batch of the spatial network.</source>
      <translation>Ausschnitte je Trainingsbatch des räumlichen Netzes.</translation>
    </message>
    <message>
      <source>Training patch size (HR-MSI pixels).</source>
      <translation>Größe der Trainingsausschnitte (HR-MSI-Pixel).</translation>
    </message>
    <message>
      <source>Adam learning rate of the spatial network.</source>
      <translation>Adam-Lernrate des räumlichen Netzes.</translation>
    </message>
    <message>
      <source>Stretch each MSI band to [-1, 1] for training the spatial network (the paper maps [0, 1] data to [-1, 1]).</source>
      <translation>Jedes MSI-Band zum Training des räumlichen Netzes auf [-1, 1] strecken (die Veröffentlichung bildet [0, 1]-Daten auf [-1, 1] ab).</translation>
    </message>
    <message>
      <source>Hidden layer widths of the spectral network.</source>
      <translation>Breiten der verborgenen Schichten des spektralen Netzes.</translation>
    </message>
    <message>
      <source>Training iterations of the spectral network.</source>
      <translation>Trainingsiterationen des spektralen Netzes.</translation>
    </message>
    <message>
      <source>(d, C) samples per training batch of the spectral network.</source>
      <translation>(d, C)-Stichproben je Trainingsbatch des spektralen Netzes.</translation>
    </message>
    <message>
      <source>Adam learning rate of the spectral network.</source>
      <translation>Adam-Lernrate des spektralen Netzes.</translation>
    </message>
    <message>
      <source>Start of the reverse process: 'noise' (A_T, E_T ~ N(0, I), as in the paper), 'subspace' (SDP's subspace least-squares estimate, factored) or 'data' (a quick SPA/ridge subspace estimate), taken as the sample at noise level start.</source>
      <translation>Beginn des Rückwärtsprozesses: 'noise' (A_T, E_T ~ N(0, I), wie im Paper), 'subspace' (die faktorisierte Unterraum-Kleinste-Quadrate-Schätzung von SDP) oder 'data' (eine schnelle SPA/Ridge-Unterraumschätzung), jeweils als Stichprobe auf dem Rauschniveau start genommen.</translation>
    </message>
    <message>
      <source>With init='subspace' or 'data': noise level sqrt(1 - abar_t) the reverse process starts from (1: pure noise).</source>
      <translation>Bei init='subspace' oder 'data': Rauschniveau sqrt(1 - abar_t), bei dem der Rückwärtsprozess beginnt (1: reines Rauschen).</translation>
    </message>
    <message>
      <source>With init='subspace' or 'data': add fresh noise to the estimate at the start level (off: the estimate's own error is taken as that noise).</source>
      <translation>Bei init='subspace' oder 'data': der Schätzung auf dem Startniveau frisches Rauschen hinzufügen (aus: der eigene Fehler der Schätzung gilt als dieses Rauschen).</translation>
    </message>
    <message>
      <source>With init='data': weight (relative) pulling the high-res coefficients towards the interpolated low-res ones where the MSI does not determine them.</source>
      <translation>Mit init='data': (relatives) Gewicht, das die hoch aufgelösten Koeffizienten dort zu den interpolierten niedrig aufgelösten zieht, wo das MSI sie nicht bestimmt.</translation>
    </message>
    <message>
      <source>Diffusion timesteps T used in training.</source>
      <translation>Im Training verwendete Diffusionszeitschritte T.</translation>
    </message>
    <message>
      <source>Noise schedule.</source>
      <translation>Rauschplan.</translation>
    </message>
    <message>
      <source>DDIM sampling steps.</source>
      <translation>DDIM-Abtastschritte.</translation>
    </message>
    <message>
      <source>DDIM eta (0: deterministic updates).</source>
      <translation>DDIM-eta (0: deterministische Schritte).</translation>
    </message>
    <message>
      <source>Where guidance gradients are taken: through both networks, through the spectral one only, w.r.t. the denoised estimates only (no network Jacobian), or none.</source>
      <translation>Wo die Führungsgradienten genommen werden: durch beide Netze, nur durch das spektrale, nur bezüglich der entrauschten Schätzungen (ohne Jacobi-Matrix der Netze) oder gar nicht.</translation>
    </message>
    <message>
      <source>Guidance step on the coefficient maps A.</source>
      <translation>Führungsschritt auf den Koeffizientenkarten A.</translation>
    </message>
    <message>
      <source>Guidance step on the spectral basis E.</source>
      <translation>Führungsschritt auf der spektralen Basis E.</translation>
    </message>
    <message>
      <source>Scale the guidance steps by the noise level sqrt(1 - abar) of the step's target (the paper keeps them constant), so they vanish as the estimate becomes clean.</source>
      <translation>Die Führungsschritte mit dem Rauschniveau sqrt(1 - abar) des Ziels des Schritts skalieren (die Veröffentlichung hält sie konstant), sodass sie verschwinden, wenn die Schätzung rauschfrei wird.</translation>
    </message>
    <message>
      <source>Weight of the HR-MSI term in the data-fit loss.</source>
      <translation>Gewicht des HR-MSI-Terms im Datenanpassungsverlust.</translation>
    </message>
    <message>
      <source>Adaptive residual guided module (one extra gradient step per sampling step).</source>
      <translation>Adaptives residuengeführtes Modul (ein zusätzlicher Gradientenschritt je Abtastschritt).</translation>
    </message>
    <message>
      <source>ARGM step = guidance step / this ratio.</source>
      <translation>ARGM-Schritt = Führungsschritt / dieses Verhältnis.</translation>
    </message>
    <message>
      <source>ARGM gradient steps per sampling step (paper: 1).</source>
      <translation>ARGM-Gradientenschritte je Abtastschritt (Veröffentlichung: 1).</translation>
    </message>
    <message>
      <source>Alternations of the blind PSF/SRF estimation (when they are not given).</source>
      <translation>Wechsel der blinden PSF/SRF-Schätzung (wenn sie nicht angegeben sind).</translation>
    </message>
    <message>
      <source>Random seed (training and sampling).</source>
      <translation>Zufallsstartwert (Training und Abtastung).</translation>
    </message>
    <message>
      <source>Torch CPU threads (0: leave as set).</source>
      <translation>Torch-CPU-Threads (0: unverändert lassen).</translation>
    </message>
    <message>
      <source>Diffusion prior: 'bundled', 'scene' (trained on this scene) or a checkpoint file.</source>
      <translation>Diffusionsprior: „bundled“, „scene“ (auf dieser Szene trainiert) oder eine Checkpoint-Datei.</translation>
    </message>
    <message>
      <source>Sampling steps (strided over the 1000-step exp schedule).</source>
      <translation>Abtastschritte (in Sprüngen über den exp-Plan mit 1000 Schritten).</translation>
    </message>
    <message>
      <source>Strength of the likelihood guidance (lambda; 0: unguided sampling).</source>
      <translation>Stärke der Likelihood-Führung (lambda; 0: ungeführte Abtastung).</translation>
    </message>
    <message>
      <source>Guidance gradient w.r.t. A_t through the prior (DPS; slower) instead of gradient steps on the predicted clean image.</source>
      <translation>Führungsgradient bezüglich A_t durch den Prior (DPS; langsamer) statt Gradientenschritten auf dem vorhergesagten rauschfreien Bild.</translation>
    </message>
    <message>
      <source>Step size (Adam) of the gradient steps on the predicted clean image.</source>
      <translation>Schrittweite (Adam) der Gradientenschritte auf dem vorhergesagten rauschfreien Bild.</translation>
    </message>
    <message>
      <source>Gradient steps on the predicted clean image per sampling step.</source>
      <translation>Gradientenschritte auf dem vorhergesagten rauschfreien Bild je Abtastschritt.</translation>
    </message>
    <message>
      <source>DDIM eta (1: ancestral sampling, 0: deterministic).</source>
      <translation>DDIM-eta (1: ancestrale Abtastung, 0: deterministisch).</translation>
    </message>
    <message>
      <source>Use the zero-shot guidance network f_psi (lambda1 term).</source>
      <translation>Das Zero-Shot-Führungsnetz f_psi verwenden (lambda1-Term).</translation>
    </message>
    <message>
      <source>Weight of the f_psi term of the guidance.</source>
      <translation>Gewicht des f_psi-Terms der Führung.</translation>
    </message>
    <message>
      <source>Weight of the PAN term of the NSSD loss.</source>
      <translation>Gewicht des PAN-Terms im NSSD-Verlust.</translation>
    </message>
    <message>
      <source>Training iterations of f_psi (reduced scale).</source>
      <translation>Trainingsiterationen von f_psi (reduzierte Auflösung).</translation>
    </message>
    <message>
      <source>Channels of f_psi's hidden layers.</source>
      <translation>Kanäle der verborgenen Schichten von f_psi.</translation>
    </message>
    <message>
      <source>Convolution layers of f_psi.</source>
      <translation>Faltungsschichten von f_psi.</translation>
    </message>
    <message>
      <source>f_psi works in the LR-HSI's leading k spectral directions (0: all bands).</source>
      <translation>f_psi arbeitet in den k führenden Spektralrichtungen des LR-HSI (0: alle Bänder).</translation>
    </message>
    <message>
      <source>Train f_psi on the 8 flips/rotations of the pair.</source>
      <translation>f_psi auf den 8 Spiegelungen/Drehungen des Paares trainieren.</translation>
    </message>
    <message>
      <source>Adam learning rate of f_psi (decayed by 0.8 every 1000 iterations).</source>
      <translation>Adam-Lernrate von f_psi (alle 1000 Iterationen mit 0,8 multipliziert).</translation>
    </message>
    <message>
      <source>Weight of f_psi's spatial/spectral degradation L1 terms.</source>
      <translation>Gewicht der räumlichen/spektralen L1-Degradationsterme von f_psi.</translation>
    </message>
    <message>
      <source>Map the detail image to the HSI with the NSSD (else the fixed E).</source>
      <translation>Das Detailbild mit der NSSD auf das HSI abbilden (sonst das feste E).</translation>
    </message>
    <message>
      <source>NSSD rank r (spatial maps / spectral factors).</source>
      <translation>NSSD-Rang r (räumliche Karten / spektrale Faktoren).</translation>
    </message>
    <message>
      <source>Channels of the NSSD spatial U-Net.</source>
      <translation>Kanäle des räumlichen NSSD-U-Netzes.</translation>
    </message>
    <message>
      <source>Adam learning rate of the NSSD.</source>
      <translation>Adam-Lernrate der NSSD.</translation>
    </message>
    <message>
      <source>NSSD iterations of its first fit.</source>
      <translation>NSSD-Iterationen ihrer ersten Anpassung.</translation>
    </message>
    <message>
      <source>NSSD iterations at each later update.</source>
      <translation>NSSD-Iterationen bei jeder späteren Aktualisierung.</translation>
    </message>
    <message>
      <source>Fraction of the sampling steps after which the NSSD replaces E.</source>
      <translation>Anteil der Abtastschritte, nach dem die NSSD E ersetzt.</translation>
    </message>
    <message>
      <source>Refit the NSSD every this many steps once it is active.</source>
      <translation>Die NSSD nach so vielen Schritten neu anpassen, sobald sie aktiv ist.</translation>
    </message>
    <message>
      <source>NSSD iterations on the final detail image.</source>
      <translation>NSSD-Iterationen auf dem endgültigen Detailbild.</translation>
    </message>
    <message>
      <source>Weight of the f_psi term in the NSSD loss (0: the paper's Eq. 14).</source>
      <translation>Gewicht des f_psi-Terms im NSSD-Verlust (0: Gl. 14 der Veröffentlichung).</translation>
    </message>
    <message>
      <source>Iterations of the final consistency step (0: none).</source>
      <translation>Iterationen des abschließenden Konsistenzschritts (0: keiner).</translation>
    </message>
    <message>
      <source>Weight keeping the consistency step close to M(A).</source>
      <translation>Gewicht, das den Konsistenzschritt nahe an M(A) hält.</translation>
    </message>
    <message>
      <source>Weight of f_psi's image in the consistency step's anchor (the rest: M(A)).</source>
      <translation>Gewicht des f_psi-Bildes im Anker des Konsistenzschritts (der Rest: M(A)).</translation>
    </message>
    <message>
      <source>Training iterations of a 'scene' prior.</source>
      <translation>Trainingsiterationen eines „scene“-Priors.</translation>
    </message>
    <message>
      <source>Constrain an estimated PAN response to sum to one (same radiometric scale).</source>
      <translation>Eine geschätzte PAN-Antwort auf die Summe eins beschränken (gleiche radiometrische Skala).</translation>
    </message>
    <message>
      <source>Random seed.</source>
      <translation>Zufallsstartwert.</translation>
    </message>
    <message>
      <source>auto, cpu or cuda.</source>
      <translation>auto, cpu oder cuda.</translation>
    </message>
    <message>
      <source>Training iterations.</source>
      <translation>Trainingsiterationen.</translation>
    </message>
    <message>
      <source>Patches per iteration.</source>
      <translation>Ausschnitte je Iteration.</translation>
    </message>
    <message>
      <source>Patch size in PAN pixels (a multiple of the ratio).</source>
      <translation>Ausschnittgröße in PAN-Pixeln (ein Vielfaches des Verhältnisses).</translation>
    </message>
    <message>
      <source>Peak learning rate (AdamW; cosine decay to lr/100).</source>
      <translation>Maximale Lernrate (AdamW; Kosinusabfall auf lr/100).</translation>
    </message>
    <message>
      <source>AdamW weight decay.</source>
      <translation>AdamW-Gewichtsabfall.</translation>
    </message>
    <message>
      <source>Weight of the boundary penalty.</source>
      <translation>Gewicht der Randstrafe.</translation>
    </message>
    <message>
      <source>Gradient-norm clip (0 = none).</source>
      <translation>Begrenzung der Gradientennorm (0 = keine).</translation>
    </message>
    <message>
      <source>Linear learning-rate warm-up iterations.</source>
      <translation>Iterationen des linearen Aufwärmens der Lernrate.</translation>
    </message>
    <message>
      <source>Network width (half/quarter resolution).</source>
      <translation>Netzbreite (halbe/viertel Auflösung).</translation>
    </message>
    <message>
      <source>Network width at full resolution.</source>
      <translation>Netzbreite in voller Auflösung.</translation>
    </message>
    <message>
      <source>Wall-clock budget in seconds (0 = none): training stops at whichever of ITERATIONS or this comes first; the learning-rate decay follows the further-advanced of the two.</source>
      <translation>Zeitbudget in Sekunden (0 = keins): Das Training endet bei ITERATIONS oder diesem Budget, je nachdem, was zuerst erreicht wird; der Lernratenabfall folgt dem weiter fortgeschrittenen der beiden.</translation>
    </message>
    <message>
      <source>Validate (and checkpoint) every this many iterations (0 = only at the end).</source>
      <translation>Alle so viele Iterationen validieren (und einen Checkpoint speichern) (0 = nur am Ende).</translation>
    </message>
    <message>
      <source>Sampling steps used for validation.</source>
      <translation>Für die Validierung verwendete Abtastschritte.</translation>
    </message>
    <message>
      <source>MS MTF gain(s) for Wald degradation of raster pairs (number, list or sensor).</source>
      <translation>MS-MTF-Verstärkung(en) für die Wald-Degradation von Rasterpaaren (Zahl, Liste oder Sensor).</translation>
    </message>
    <message>
      <source>PAN MTF gain for Wald degradation of raster pairs.</source>
      <translation>PAN-MTF-Verstärkung für die Wald-Degradation von Rasterpaaren.</translation>
    </message>
    <message>
      <source>Stage 1 iterations (PLFE1 + kernel generators + pansharpener, L1).</source>
      <translation>Iterationen der Stufe 1 (PLFE1 + Kernelgeneratoren + Pansharpener, L1).</translation>
    </message>
    <message>
      <source>Stage 2 iterations (latent DDPM + PLFE2, jointly with the pansharpener).</source>
      <translation>Iterationen der Stufe 2 (latentes DDPM + PLFE2, gemeinsam mit dem Pansharpener).</translation>
    </message>
    <message>
      <source>Patch size in PAN pixels.</source>
      <translation>Ausschnittgröße in PAN-Pixeln.</translation>
    </message>
    <message>
      <source>Stage 1 peak learning rate (AdamW; cosine decay to lr/100).</source>
      <translation>Maximale Lernrate der Stufe 1 (AdamW; Kosinus-Abfall auf lr/100).</translation>
    </message>
    <message>
      <source>Stage 2 peak learning rate.</source>
      <translation>Maximale Lernrate der Stufe 2.</translation>
    </message>
    <message>
      <source>Linear learning-rate warm-up iterations (each stage).</source>
      <translation>Iterationen des linearen Lernraten-Aufwärmens (je Stufe).</translation>
    </message>
    <message>
      <source>Pansharpener width.</source>
      <translation>Breite des Pansharpeners.</translation>
    </message>
    <message>
      <source>Latent code width C_z (tokens x C_z).</source>
      <translation>Breite C_z des latenten Codes (Tokens x C_z).</translation>
    </message>
    <message>
      <source>PLFE1 width (PLFE2 is half of it).</source>
      <translation>Breite von PLFE1 (PLFE2 ist halb so breit).</translation>
    </message>
    <message>
      <source>DDIM steps of the latent sampler in stage 2 and validation.</source>
      <translation>DDIM-Schritte des latenten Samplers in Stufe 2 und bei der Validierung.</translation>
    </message>
    <message>
      <source>Kernel modulation with the latent code (False: the plain PanNeXt-U ablation; stage 2 is skipped).</source>
      <translation>Kernelmodulation mit dem latenten Code (False: die Ablation mit dem reinen PanNeXt-U; Stufe 2 entfällt).</translation>
    </message>
    <message>
      <source>Kernel generator: 'tucker' or 'mlp' (ablation).</source>
      <translation>Kernelgenerator: 'tucker' oder 'mlp' (Ablation).</translation>
    </message>
    <message>
      <source>Wall-clock budget in seconds for both stages (0 = none), split in proportion to their iterations.</source>
      <translation>Zeitbudget in Sekunden für beide Stufen (0 = keines), aufgeteilt im Verhältnis ihrer Iterationen.</translation>
    </message>
    <message>
      <source>Validate (and checkpoint) every this many iterations (0 = at stage ends).</source>
      <translation>Alle so viele Iterationen validieren (und speichern) (0 = am Ende jeder Stufe).</translation>
    </message>
    <message>
      <source>Consistency passes after sharpening: the result, low-passed with the MS MTF and sampled at the MS pixels, is pulled back to the MS by back-projection (-1 = automatic: 3 passes with the weights as trained, none after scene adaptation, where they measured worse; 0 = off).</source>
      <translation>Konsistenzdurchläufe nach dem Schärfen: das Ergebnis wird mit der MTF des MS tiefpassgefiltert, an den MS-Pixeln abgetastet und per Rückprojektion an das MS angeglichen (-1 = automatisch: 3 Durchläufe mit den Gewichten wie trainiert, keine nach der Szenenanpassung, wo sie schlechter gemessen wurden; 0 = aus).</translation>
    </message>
    <message>
      <source>Scene adaptation: training iterations on the input pair degraded once more (0 = use the weights as they are).</source>
      <translation>Szenenanpassung: Trainingsiterationen auf dem noch einmal degradierten Eingabepaar (0 = Gewichte unverändert verwenden).</translation>
    </message>
    <message>
      <source>Learning rate of scene adaptation (AdamW).</source>
      <translation>Lernrate der Szenenanpassung (AdamW).</translation>
    </message>
    <message>
      <source>Patches per adaptation iteration.</source>
      <translation>Ausschnitte je Anpassungsiteration.</translation>
    </message>
    <message>
      <source>Adaptation patch size (PAN pixels of the degraded pair).</source>
      <translation>Ausschnittgröße der Anpassung (PAN-Pixel des degradierten Paares).</translation>
    </message>
    <message>
      <source>MS MTF gain(s) at Nyquist for the adaptation's degradation and the consistency passes: a number, comma-separated per-band numbers, or a sensor name (e.g. worldview3).</source>
      <translation>MTF-Verstärkung(en) des MS bei Nyquist für die Degradation der Anpassung und die Konsistenzdurchläufe: eine Zahl, kommagetrennte Werte je Band oder ein Sensorname (z. B. worldview3).</translation>
    </message>
    <message>
      <source>PAN MTF gain at Nyquist for the adaptation's degradation.</source>
      <translation>PAN-MTF-Verstärkung bei Nyquist für die Degradation der Anpassung.</translation>
    </message>
    <message>
      <source>Sampling steps (the chain has T = 15; fewer steps skip along it).</source>
      <translation>Abtastschritte (die Kette hat T = 15; weniger Schritte überspringen Glieder).</translation>
    </message>
    <message>
      <source>Network width (half/quarter resolution) for a model fitted from scratch.</source>
      <translation>Netzbreite (halbe/viertel Auflösung) für ein von Grund auf angepasstes Modell.</translation>
    </message>
    <message>
      <source>Network width at full resolution for a model fitted from scratch.</source>
      <translation>Netzbreite in voller Auflösung für ein von Grund auf angepasstes Modell.</translation>
    </message>
    <message>
      <source>Tile size (PAN pixels) for large images; tiles overlap by `overlap`.</source>
      <translation>Kachelgröße (PAN-Pixel) für große Bilder; Kacheln überlappen um `overlap`.</translation>
    </message>
    <message>
      <source>Tile overlap in PAN pixels.</source>
      <translation>Kachelüberlappung in PAN-Pixeln.</translation>
    </message>
    <message>
      <source>Random seed (noise and adaptation patches).</source>
      <translation>Zufallsstartwert (Rauschen und Anpassungsausschnitte).</translation>
    </message>
    <message>
      <source>DDIM steps of the latent sampler (the image network runs once).</source>
      <translation>DDIM-Schritte des latenten Samplers (das Bildnetz läuft einmal).</translation>
    </message>
    <message>
      <source>Self-ensemble: the network runs on the first N of the 8 flips/rotations of the image and the results are averaged (N times the network's time; -1 = automatic: 8 after scene adaptation, whose few training patches leave the model noisy, 1 otherwise).</source>
      <translation>Selbst-Ensemble: Das Netz läuft auf den ersten N der 8 Spiegelungen/Drehungen des Bildes, und die Ergebnisse werden gemittelt (N-fache Rechenzeit des Netzes; -1 = automatisch: 8 nach einer Szenenanpassung, deren wenige Trainingsausschnitte das Modell verrauscht lassen, sonst 1).</translation>
    </message>
    <message>
      <source>Pansharpener width for a model fitted from scratch.</source>
      <translation>Breite des Pansharpeners für ein von Grund auf angepasstes Modell.</translation>
    </message>
    <message>
      <source>Image a model fitted from scratch refines (its LMS input and the base of its residual): 'mtfglphpm' or 'lms' (the upsampled MS).</source>
      <translation>Bild, das ein von Grund auf angepasstes Modell verfeinert (seine LMS-Eingabe und die Basis seines Residuums): 'mtfglphpm' oder 'lms' (das hochgetastete MS).</translation>
    </message>
    <message>
      <source>Tile size (PAN pixels) of the network inside one image or scene tile.</source>
      <translation>Kachelgröße (PAN-Pixel) des Netzes innerhalb eines Bildes oder einer Szenenkachel.</translation>
    </message>
    <message>
      <source>Random seed (latent noise and adaptation patches).</source>
      <translation>Zufallsstartwert (latentes Rauschen und Ausschnitte der Anpassung).</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 35 % and ERGAS by 31 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, then the 60 m bands when B60M is given, with their band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: about 10 CPU-minutes for a full 10980 x 10980 tile with the learned method (2 minutes of training, then about 4 s per 1024 x 1024 tile; measured at model level, 1 thread), about 1.2 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): the 60 m bands (B1, B9) in one raster, whose pixels must be 6 times the B10M ones; they are sharpened at ratio 6 by the same method, learned separately on them, and written after the 20 m bands (the product reader's 60 m output fits as it is). Nodata pixels of any input are written as nodata. On the benchmark crop (Wald's protocol at ratio 6) both methods lowered SAM and ERGAS about 3-fold against cubic upsampling; the learned method did not beat the regression there.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the difference between the learned method's output and the regression result (METHOD 0: between the regression result and cubic upsampling), calibrated on a Sentinel-2 crop by Wald's protocol so that about 90 % of true values lie within +-1.645 sigma (84 % on parts of the crop not used for calibration). Costs almost nothing; not written when empty.&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft die 20-m-Bänder von Sentinel-2 (B5, B6, B7, B8A, B11, B12) mit den 10-m-Bändern (B2, B3, B4, B8) auf 10 m. Jedes Rasterpaar mit Pixelgrößen im Verhältnis 2:1 funktioniert (das Verhältnis wird aus den Pixelgrößen bestimmt; Bandnamen sind nicht nötig); die Eingaben werden wie bei jedem anderen Algorithmus über die Georeferenz ausgerichtet.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: die 10-m-Bänder in einem Raster, in der Reihenfolge B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: die 20-m-Bänder in einem Raster, in der Reihenfolge B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + Hochpass-Injektion&lt;/i&gt;: für jedes 20-m-Band wird aus den 10-m-Bändern per kleinster Quadrate auf 20 m ein synthetisches Band gebildet, dessen Feindetail mit einer eine Stufe tiefer angepassten Verstärkung zum hochgerechneten Band addiert wird (Sekunden). &lt;i&gt;Auf der Szene gelernt&lt;/i&gt; (Standard): ein kleines Netz wird auf der Szene selbst trainiert (beide Eingaben noch einmal degradiert: 10 m auf 20 m und 20 m auf 40 m, mit der Unschärfe von Sentinel-2), um die 20-m-Bänder auf Basis des Regressionsergebnisses wiederherzustellen, und dann auf 10 m angewandt. Auf dem Benchmark-Ausschnitt (Wald-Protokoll, bewertet gegen die echten 20-m-Bänder) senkte es SAM um 35 % und ERGAS um 31 % gegenüber dem Besseren von kubischer Interpolation und der Regressionsmethode.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32, sofern OUTPUT_TYPE nichts anderes sagt) mit den 20-m-Bändern auf dem 10-m-Raster, in der Reihenfolge von B20M, danach die 60-m-Bänder, wenn B60M angegeben ist, mit ihren Bandnamen und radiometrischer Einheit. NoData-Pixel einer der Eingaben werden als NoData geschrieben. Die Werte dürfen L1C/L2A-Digitalwerte oder Reflexionsgrade sein; der L2A-Offset (-1000 ab Baseline 04.00) wird hier nicht entfernt: verwenden Sie die Ausgabe des Produktlesers oder entfernen Sie ihn vorher (die Methode ist linear in einem allen Bändern gemeinsamen Offset, aber die Ausgabe behält ihn).&lt;/p&gt;&lt;p&gt;Laufzeit auf einer CPU: etwa 10 CPU-Minuten für eine ganze 10980 x 10980-Kachel mit der gelernten Methode (2 Minuten Training, dann etwa 4 s je 1024 x 1024-Kachel; auf Modellebene gemessen, 1 Thread), etwa 1,2 GB Speicher. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): die 60-m-Bänder (B1, B9) in einem Raster, dessen Pixel 6-mal so groß wie die von B10M sein müssen; sie werden mit derselben Methode im Verhältnis 6 geschärft, getrennt an ihnen gelernt, und nach den 20-m-Bändern geschrieben (die 60-m-Ausgabe des Produktlesers passt so, wie sie ist). NoData-Pixel jeder Eingabe werden als NoData geschrieben. Auf dem Benchmark-Ausschnitt (Wald-Protokoll im Verhältnis 6) senkten beide Methoden SAM und ERGAS gegenüber kubischer Vergrößerung etwa um das Dreifache; die gelernte Methode war dort nicht besser als die Regression.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): ein Float32-Raster auf dem Raster der Ausgabe mit, je Pixel und Band, einer kalibrierten Standardabweichung in den Einheiten der Ausgabe, aus dem Unterschied zwischen dem Ergebnis der gelernten Methode und dem Regressionsergebnis (METHOD 0: zwischen dem Regressionsergebnis und kubischer Vergrößerung), an einem Sentinel-2-Ausschnitt nach dem Wald-Protokoll so kalibriert, dass etwa 90 % der wahren Werte innerhalb von +-1,645 Sigma liegen (84 % auf nicht zur Kalibrierung verwendeten Teilen des Ausschnitts). Kostet fast nichts; nicht geschrieben, wenn leer.&lt;/p&gt;&lt;p&gt;Literatur: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald-Protokoll); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP-Injektion); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, gelerntes Schärfen von Sentinel-2).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 31 % and ERGAS by 28 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, then the 60 m bands when B60M is given, with their band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: about 10 CPU-minutes for a full 10980 x 10980 tile with the learned method (2 minutes of training, then about 4 s per 1024 x 1024 tile; measured at model level, 1 thread), about 1.2 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): the 60 m bands (B1, B9) in one raster, whose pixels must be 6 times the B10M ones; they are sharpened at ratio 6 by the same method, learned separately on them, and written after the 20 m bands (the product reader's 60 m output fits as it is). Nodata pixels of any input are written as nodata. On the benchmark crop (Wald's protocol at ratio 6) both methods lowered SAM and ERGAS about 3-fold against cubic upsampling; the learned method did not beat the regression there.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the difference between the learned method's output and the regression result (METHOD 0: between the regression result and cubic upsampling), calibrated on a Sentinel-2 crop by Wald's protocol so that about 90 % of true values lie within +-1.645 sigma (83 % on parts of the crop not used for calibration). Costs almost nothing; not written when empty.&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft die 20-m-Bänder von Sentinel-2 (B5, B6, B7, B8A, B11, B12) mit den 10-m-Bändern (B2, B3, B4, B8) auf 10 m. Jedes Rasterpaar mit Pixelgrößen im Verhältnis 2:1 funktioniert (das Verhältnis wird aus den Pixelgrößen bestimmt; Bandnamen sind nicht nötig); die Eingaben werden wie bei jedem anderen Algorithmus über die Georeferenz ausgerichtet.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: die 10-m-Bänder in einem Raster, in der Reihenfolge B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: die 20-m-Bänder in einem Raster, in der Reihenfolge B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + Hochpass-Injektion&lt;/i&gt;: für jedes 20-m-Band wird aus den 10-m-Bändern per kleinster Quadrate auf 20 m ein synthetisches Band gebildet, dessen Feindetail mit einer eine Stufe tiefer angepassten Verstärkung zum hochgerechneten Band addiert wird (Sekunden). &lt;i&gt;Auf der Szene gelernt&lt;/i&gt; (Standard): ein kleines Netz wird auf der Szene selbst trainiert (beide Eingaben noch einmal degradiert: 10 m auf 20 m und 20 m auf 40 m, mit der Unschärfe von Sentinel-2), um die 20-m-Bänder auf Basis des Regressionsergebnisses wiederherzustellen, und dann auf 10 m angewandt. Auf dem Benchmark-Ausschnitt (Wald-Protokoll, bewertet gegen die echten 20-m-Bänder) senkte es SAM um 31 % und ERGAS um 28 % gegenüber dem Besseren von kubischer Interpolation und der Regressionsmethode.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32, sofern OUTPUT_TYPE nichts anderes sagt) mit den 20-m-Bändern auf dem 10-m-Raster, in der Reihenfolge von B20M, danach die 60-m-Bänder, wenn B60M angegeben ist, mit ihren Bandnamen und radiometrischer Einheit. NoData-Pixel einer der Eingaben werden als NoData geschrieben. Die Werte dürfen L1C/L2A-Digitalwerte oder Reflexionsgrade sein; der L2A-Offset (-1000 ab Baseline 04.00) wird hier nicht entfernt: verwenden Sie die Ausgabe des Produktlesers oder entfernen Sie ihn vorher (die Methode ist linear in einem allen Bändern gemeinsamen Offset, aber die Ausgabe behält ihn).&lt;/p&gt;&lt;p&gt;Laufzeit auf einer CPU: etwa 10 CPU-Minuten für eine ganze 10980 x 10980-Kachel mit der gelernten Methode (2 Minuten Training, dann etwa 4 s je 1024 x 1024-Kachel; auf Modellebene gemessen, 1 Thread), etwa 1,2 GB Speicher. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): die 60-m-Bänder (B1, B9) in einem Raster, dessen Pixel 6-mal so groß wie die von B10M sein müssen; sie werden mit derselben Methode im Verhältnis 6 geschärft, getrennt an ihnen gelernt, und nach den 20-m-Bändern geschrieben (die 60-m-Ausgabe des Produktlesers passt so, wie sie ist). NoData-Pixel jeder Eingabe werden als NoData geschrieben. Auf dem Benchmark-Ausschnitt (Wald-Protokoll im Verhältnis 6) senkten beide Methoden SAM und ERGAS gegenüber kubischer Vergrößerung etwa um das Dreifache; die gelernte Methode war dort nicht besser als die Regression.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): ein Float32-Raster auf dem Raster der Ausgabe mit, je Pixel und Band, einer kalibrierten Standardabweichung in den Einheiten der Ausgabe, aus dem Unterschied zwischen dem Ergebnis der gelernten Methode und dem Regressionsergebnis (METHOD 0: zwischen dem Regressionsergebnis und kubischer Vergrößerung), an einem Sentinel-2-Ausschnitt nach dem Wald-Protokoll so kalibriert, dass etwa 90 % der wahren Werte innerhalb von +-1,645 Sigma liegen (83 % auf nicht zur Kalibrierung verwendeten Teilen des Ausschnitts). Kostet fast nichts; nicht geschrieben, wenn leer.&lt;/p&gt;&lt;p&gt;Literatur: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald-Protokoll); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP-Injektion); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, gelerntes Schärfen von Sentinel-2).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 31 % and ERGAS by 28 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, then the 60 m bands when B60M is given, with their band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: about 6 CPU-minutes for a full 10980 x 10980 tile with the learned method (1 minute of training, then about 2.5 s per 1024 x 1024 tile; measured at model level, 1 thread), under 1 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): the 60 m bands (B1, B9) in one raster, whose pixels must be 6 times the B10M ones; they are sharpened at ratio 6 by the same method, learned separately on them, and written after the 20 m bands (the product reader's 60 m output fits as it is). Nodata pixels of any input are written as nodata. On the benchmark crop (Wald's protocol at ratio 6) both methods lowered SAM and ERGAS about 3-fold against cubic upsampling; the learned method did not beat the regression there.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the difference between the learned method's output and the regression result (METHOD 0: between the regression result and cubic upsampling), calibrated on a Sentinel-2 crop by Wald's protocol so that about 90 % of true values lie within +-1.645 sigma (83 % on parts of the crop not used for calibration). Costs almost nothing; not written when empty.&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft die 20-m-Bänder von Sentinel-2 (B5, B6, B7, B8A, B11, B12) mit den 10-m-Bändern (B2, B3, B4, B8) auf 10 m. Jedes Rasterpaar mit Pixelgrößen im Verhältnis 2:1 funktioniert (das Verhältnis wird aus den Pixelgrößen bestimmt; Bandnamen sind nicht nötig); die Eingaben werden wie bei jedem anderen Algorithmus über die Georeferenz ausgerichtet.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: die 10-m-Bänder in einem Raster, in der Reihenfolge B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: die 20-m-Bänder in einem Raster, in der Reihenfolge B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + Hochpass-Injektion&lt;/i&gt;: für jedes 20-m-Band wird aus den 10-m-Bändern per kleinster Quadrate auf 20 m ein synthetisches Band gebildet, dessen Feindetail mit einer eine Stufe tiefer angepassten Verstärkung zum hochgerechneten Band addiert wird (Sekunden). &lt;i&gt;Auf der Szene gelernt&lt;/i&gt; (Standard): ein kleines Netz wird auf der Szene selbst trainiert (beide Eingaben noch einmal degradiert: 10 m auf 20 m und 20 m auf 40 m, mit der Unschärfe von Sentinel-2), um die 20-m-Bänder auf Basis des Regressionsergebnisses wiederherzustellen, und dann auf 10 m angewandt. Auf dem Benchmark-Ausschnitt (Wald-Protokoll, bewertet gegen die echten 20-m-Bänder) senkte es SAM um 31 % und ERGAS um 28 % gegenüber dem Besseren von kubischer Interpolation und der Regressionsmethode.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32, sofern OUTPUT_TYPE nichts anderes sagt) mit den 20-m-Bändern auf dem 10-m-Raster, in der Reihenfolge von B20M, danach die 60-m-Bänder, wenn B60M angegeben ist, mit ihren Bandnamen und radiometrischer Einheit. NoData-Pixel einer der Eingaben werden als NoData geschrieben. Die Werte dürfen L1C/L2A-Digitalwerte oder Reflexionsgrade sein; der L2A-Offset (-1000 ab Baseline 04.00) wird hier nicht entfernt: verwenden Sie die Ausgabe des Produktlesers oder entfernen Sie ihn vorher (die Methode ist linear in einem allen Bändern gemeinsamen Offset, aber die Ausgabe behält ihn).&lt;/p&gt;&lt;p&gt;Laufzeit auf einer CPU: etwa 6 CPU-Minuten für eine ganze 10980 x 10980-Kachel mit der gelernten Methode (1 Minute Training, dann etwa 2,5 s je 1024 x 1024-Kachel; auf Modellebene gemessen, 1 Thread), unter 1 GB Speicher. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): die 60-m-Bänder (B1, B9) in einem Raster, dessen Pixel 6-mal so groß wie die von B10M sein müssen; sie werden mit derselben Methode im Verhältnis 6 geschärft, getrennt an ihnen gelernt, und nach den 20-m-Bändern geschrieben (die 60-m-Ausgabe des Produktlesers passt so, wie sie ist). NoData-Pixel jeder Eingabe werden als NoData geschrieben. Auf dem Benchmark-Ausschnitt (Wald-Protokoll im Verhältnis 6) senkten beide Methoden SAM und ERGAS gegenüber kubischer Vergrößerung etwa um das Dreifache; die gelernte Methode war dort nicht besser als die Regression.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): ein Float32-Raster auf dem Raster der Ausgabe mit, je Pixel und Band, einer kalibrierten Standardabweichung in den Einheiten der Ausgabe, aus dem Unterschied zwischen dem Ergebnis der gelernten Methode und dem Regressionsergebnis (METHOD 0: zwischen dem Regressionsergebnis und kubischer Vergrößerung), an einem Sentinel-2-Ausschnitt nach dem Wald-Protokoll so kalibriert, dass etwa 90 % der wahren Werte innerhalb von +-1,645 Sigma liegen (83 % auf nicht zur Kalibrierung verwendeten Teilen des Ausschnitts). Kostet fast nichts; nicht geschrieben, wenn leer.&lt;/p&gt;&lt;p&gt;Literatur: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald-Protokoll); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP-Injektion); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, gelerntes Schärfen von Sentinel-2).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 31 % and ERGAS by 28 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, then the 60 m bands when B60M is given, with their band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: about 6 CPU-minutes for a full 10980 x 10980 tile with the learned method (1 minute of training, then about 2.5 s per 1024 x 1024 tile; measured at model level, 1 thread), under 1 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): the 60 m bands (B1, B9) in one raster, whose pixels must be 6 times the B10M ones; they are sharpened at ratio 6 by the same method, learned separately on them, and written after the 20 m bands (the product reader's 60 m output fits as it is). Nodata pixels of any input are written as nodata.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the difference between the learned method's output and the regression result (METHOD 0: between the regression result and cubic upsampling), calibrated on a Sentinel-2 crop by Wald's protocol so that about 90 % of true values lie within +-1.645 sigma (83 % on parts of the crop not used for calibration). Costs almost nothing; not written when empty.&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft die 20-m-Bänder von Sentinel-2 (B5, B6, B7, B8A, B11, B12) mit den 10-m-Bändern (B2, B3, B4, B8) auf 10 m. Jedes Rasterpaar mit Pixelgrößen im Verhältnis 2:1 funktioniert (das Verhältnis wird aus den Pixelgrößen bestimmt; Bandnamen sind nicht nötig); die Eingaben werden wie bei jedem anderen Algorithmus über die Georeferenz ausgerichtet.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: die 10-m-Bänder in einem Raster, in der Reihenfolge B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: die 20-m-Bänder in einem Raster, in der Reihenfolge B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + Hochpass-Injektion&lt;/i&gt;: für jedes 20-m-Band wird aus den 10-m-Bändern per kleinster Quadrate auf 20 m ein synthetisches Band gebildet, dessen Feindetail mit einer eine Stufe tiefer angepassten Verstärkung zum hochgerechneten Band addiert wird (Sekunden). &lt;i&gt;Auf der Szene gelernt&lt;/i&gt; (Standard): ein kleines Netz wird auf der Szene selbst trainiert (beide Eingaben noch einmal degradiert: 10 m auf 20 m und 20 m auf 40 m, mit der Unschärfe von Sentinel-2), um die 20-m-Bänder auf Basis des Regressionsergebnisses wiederherzustellen, und dann auf 10 m angewandt. Auf dem Benchmark-Ausschnitt (Wald-Protokoll, bewertet gegen die echten 20-m-Bänder) senkte es SAM um 31 % und ERGAS um 28 % gegenüber dem Besseren von kubischer Interpolation und der Regressionsmethode.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32, sofern OUTPUT_TYPE nichts anderes sagt) mit den 20-m-Bändern auf dem 10-m-Raster, in der Reihenfolge von B20M, danach die 60-m-Bänder, wenn B60M angegeben ist, mit ihren Bandnamen und radiometrischer Einheit. NoData-Pixel einer der Eingaben werden als NoData geschrieben. Die Werte dürfen L1C/L2A-Digitalwerte oder Reflexionsgrade sein; der L2A-Offset (-1000 ab Baseline 04.00) wird hier nicht entfernt: verwenden Sie die Ausgabe des Produktlesers oder entfernen Sie ihn vorher (die Methode ist linear in einem allen Bändern gemeinsamen Offset, aber die Ausgabe behält ihn).&lt;/p&gt;&lt;p&gt;Laufzeit auf einer CPU: etwa 6 CPU-Minuten für eine ganze 10980 x 10980-Kachel mit der gelernten Methode (1 Minute Training, dann etwa 2,5 s je 1024 x 1024-Kachel; auf Modellebene gemessen, 1 Thread), unter 1 GB Speicher. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): die 60-m-Bänder (B1, B9) in einem Raster, dessen Pixel 6-mal so groß wie die von B10M sein müssen; sie werden mit derselben Methode im Verhältnis 6 geschärft, getrennt an ihnen gelernt, und nach den 20-m-Bändern geschrieben (die 60-m-Ausgabe des Produktlesers passt so, wie sie ist). NoData-Pixel jeder Eingabe werden als NoData geschrieben.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): ein Float32-Raster auf dem Raster der Ausgabe mit, je Pixel und Band, einer kalibrierten Standardabweichung in den Einheiten der Ausgabe, aus dem Unterschied zwischen dem Ergebnis der gelernten Methode und dem Regressionsergebnis (METHOD 0: zwischen dem Regressionsergebnis und kubischer Vergrößerung), an einem Sentinel-2-Ausschnitt nach dem Wald-Protokoll so kalibriert, dass etwa 90 % der wahren Werte innerhalb von +-1,645 Sigma liegen (83 % auf nicht zur Kalibrierung verwendeten Teilen des Ausschnitts). Kostet fast nichts; nicht geschrieben, wenn leer.&lt;/p&gt;&lt;p&gt;Literatur: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald-Protokoll); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP-Injektion); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, gelerntes Schärfen von Sentinel-2).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 31 % and ERGAS by 28 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, then the 60 m bands when B60M is given, with their band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: about 6 CPU-minutes for a full 10980 x 10980 tile with the learned method (1 minute of training, then about 2.5 s per 1024 x 1024 tile; measured at model level, 1 thread), under 1 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): the 60 m bands (B1, B9) in one raster, whose pixels must be 6 times the B10M ones; they are sharpened at ratio 6 by the same method, learned separately on them, and written after the 20 m bands (the product reader's 60 m output fits as it is). Nodata pixels of any input are written as nodata.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the spread of the learned network over flips/rotations of the inputs and the regression result (METHOD 0: the regression result against cubic upsampling); about 90 % of true values lie within +-1.645 sigma on data like the calibration's (a Sentinel-2 crop, Wald's protocol). Not written, and no cost, when empty.&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft die 20-m-Bänder von Sentinel-2 (B5, B6, B7, B8A, B11, B12) mit den 10-m-Bändern (B2, B3, B4, B8) auf 10 m. Jedes Rasterpaar mit Pixelgrößen im Verhältnis 2:1 funktioniert (das Verhältnis wird aus den Pixelgrößen bestimmt; Bandnamen sind nicht nötig); die Eingaben werden wie bei jedem anderen Algorithmus über die Georeferenz ausgerichtet.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: die 10-m-Bänder in einem Raster, in der Reihenfolge B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: die 20-m-Bänder in einem Raster, in der Reihenfolge B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + Hochpass-Injektion&lt;/i&gt;: für jedes 20-m-Band wird aus den 10-m-Bändern per kleinster Quadrate auf 20 m ein synthetisches Band gebildet, dessen Feindetail mit einer eine Stufe tiefer angepassten Verstärkung zum hochgerechneten Band addiert wird (Sekunden). &lt;i&gt;Auf der Szene gelernt&lt;/i&gt; (Standard): ein kleines Netz wird auf der Szene selbst trainiert (beide Eingaben noch einmal degradiert: 10 m auf 20 m und 20 m auf 40 m, mit der Unschärfe von Sentinel-2), um die 20-m-Bänder auf Basis des Regressionsergebnisses wiederherzustellen, und dann auf 10 m angewandt. Auf dem Benchmark-Ausschnitt (Wald-Protokoll, bewertet gegen die echten 20-m-Bänder) senkte es SAM um 31 % und ERGAS um 28 % gegenüber dem Besseren von kubischer Interpolation und der Regressionsmethode.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32, sofern OUTPUT_TYPE nichts anderes sagt) mit den 20-m-Bändern auf dem 10-m-Raster, in der Reihenfolge von B20M, danach die 60-m-Bänder, wenn B60M angegeben ist, mit ihren Bandnamen und radiometrischer Einheit. NoData-Pixel einer der Eingaben werden als NoData geschrieben. Die Werte dürfen L1C/L2A-Digitalwerte oder Reflexionsgrade sein; der L2A-Offset (-1000 ab Baseline 04.00) wird hier nicht entfernt: verwenden Sie die Ausgabe des Produktlesers oder entfernen Sie ihn vorher (die Methode ist linear in einem allen Bändern gemeinsamen Offset, aber die Ausgabe behält ihn).&lt;/p&gt;&lt;p&gt;Laufzeit auf einer CPU: etwa 6 CPU-Minuten für eine ganze 10980 x 10980-Kachel mit der gelernten Methode (1 Minute Training, dann etwa 2,5 s je 1024 x 1024-Kachel; auf Modellebene gemessen, 1 Thread), unter 1 GB Speicher. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): die 60-m-Bänder (B1, B9) in einem Raster, dessen Pixel 6-mal so groß wie die von B10M sein müssen; sie werden mit derselben Methode im Verhältnis 6 geschärft, getrennt an ihnen gelernt, und nach den 20-m-Bändern geschrieben (die 60-m-Ausgabe des Produktlesers passt so, wie sie ist). NoData-Pixel jeder Eingabe werden als NoData geschrieben.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): ein Float32-Raster auf dem Raster der Ausgabe mit, je Pixel und Band, einer kalibrierten Standardabweichung in den Einheiten der Ausgabe, aus der Streuung des gelernten Netzes über Spiegelungen/Drehungen der Eingaben und des Regressionsergebnisses (METHOD 0: das Regressionsergebnis gegenüber kubischer Vergrößerung); etwa 90 % der wahren Werte liegen auf Daten wie denen der Kalibrierung (ein Sentinel-2-Ausschnitt, Wald-Protokoll) innerhalb von +-1,645 Sigma. Nicht geschrieben und ohne Kosten, wenn leer.&lt;/p&gt;&lt;p&gt;Literatur: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald-Protokoll); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP-Injektion); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, gelerntes Schärfen von Sentinel-2).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Samples drawn for the UNCERTAINTY output: the learned network on flips/rotations of the inputs, plus the regression + high-pass injection result (with METHOD 0: that result and the cubic-upsampled bands, whatever K). It takes up to K times as long as the sharpened raster alone; the calibration was fitted with the default K.</source>
      <translation type="vanished">Für die UNCERTAINTY-Ausgabe gezogene Stichproben: das gelernte Netz auf Spiegelungen/Drehungen der Eingaben, dazu das Ergebnis von Regression + Hochpass-Injektion (mit METHOD 0: dieses Ergebnis und die kubisch vergrößerten Bänder, unabhängig von K). Dauert bis zu K-mal so lange wie das geschärfte Raster allein; die Kalibrierung wurde mit dem Standard-K angepasst.</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 31 % and ERGAS by 28 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: about 6 CPU-minutes for a full 10980 x 10980 tile with the learned method (1 minute of training, then about 2.5 s per 1024 x 1024 tile; measured at model level, 1 thread), under 1 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;The 60 m bands (B1, B9) have no input of their own yet: a 60 m raster given as B20M is sharpened at ratio 6 by the same method (not benchmarked).&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft die 20-m-Bänder von Sentinel-2 (B5, B6, B7, B8A, B11, B12) mit den 10-m-Bändern (B2, B3, B4, B8) auf 10 m. Jedes Rasterpaar mit Pixelgrößen im Verhältnis 2:1 funktioniert (das Verhältnis wird aus den Pixelgrößen bestimmt; Bandnamen sind nicht nötig); die Eingaben werden wie bei jedem anderen Algorithmus über die Georeferenz ausgerichtet.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: die 10-m-Bänder in einem Raster, in der Reihenfolge B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: die 20-m-Bänder in einem Raster, in der Reihenfolge B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + Hochpass-Injektion&lt;/i&gt;: für jedes 20-m-Band wird aus den 10-m-Bändern per kleinster Quadrate auf 20 m ein synthetisches Band gebildet, dessen Feindetail mit einer eine Stufe tiefer angepassten Verstärkung zum hochgerechneten Band addiert wird (Sekunden). &lt;i&gt;Auf der Szene gelernt&lt;/i&gt; (Standard): ein kleines Netz wird auf der Szene selbst trainiert (beide Eingaben noch einmal degradiert: 10 m auf 20 m und 20 m auf 40 m, mit der Unschärfe von Sentinel-2), um die 20-m-Bänder auf Basis des Regressionsergebnisses wiederherzustellen, und dann auf 10 m angewandt. Auf dem Benchmark-Ausschnitt (Wald-Protokoll, bewertet gegen die echten 20-m-Bänder) senkte es SAM um 31 % und ERGAS um 28 % gegenüber dem Besseren von kubischer Interpolation und der Regressionsmethode.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32, sofern OUTPUT_TYPE nichts anderes sagt) mit den 20-m-Bändern auf dem 10-m-Raster, in der Reihenfolge von B20M, mit Bandnamen und radiometrischer Einheit. NoData-Pixel einer der Eingaben werden als NoData geschrieben. Die Werte dürfen L1C/L2A-Digitalwerte oder Reflexionsgrade sein; der L2A-Offset (-1000 ab Baseline 04.00) wird hier nicht entfernt: verwenden Sie die Ausgabe des Produktlesers oder entfernen Sie ihn vorher (die Methode ist linear in einem allen Bändern gemeinsamen Offset, aber die Ausgabe behält ihn).&lt;/p&gt;&lt;p&gt;Laufzeit auf einer CPU: etwa 6 CPU-Minuten für eine ganze 10980 x 10980-Kachel mit der gelernten Methode (1 Minute Training, dann etwa 2,5 s je 1024 x 1024-Kachel; auf Modellebene gemessen, 1 Thread), unter 1 GB Speicher. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Die 60-m-Bänder (B1, B9) haben noch keine eigene Eingabe: ein als B20M übergebenes 60-m-Raster wird mit derselben Methode im Verhältnis 6 geschärft (nicht gebenchmarkt).&lt;/p&gt;&lt;p&gt;Literatur: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald-Protokoll); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP-Injektion); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, gelerntes Schärfen von Sentinel-2).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using ARGS-Diff: the result is modelled as coefficient maps times a few basis spectra; two small diffusion models trained on the scene itself (spectra of the HSI, patches of the MSI) are sampled under guidance by both inputs, with an adaptive residual step. No training data is needed. By default both inputs are denoised first and the sampling starts, at a low noise level, from the same subspace estimate as SDP's.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 20 s for MSI crops of 72-96 px at ratio 4 on 1 thread (measured, including training the two models); about 2.5 minutes for a 480 x 480 MSI with a 198-band HSI on 2 threads (measured); it grows with the number of pixels. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Fusioniert ein niedrig aufgelöstes Hyperspektralraster (HSI) mit einem hoch aufgelösten Multispektralraster (MSI) mit ARGS-Diff: Das Ergebnis wird als Koeffizientenkarten mal wenige Basisspektren modelliert; zwei kleine Diffusionsmodelle, die auf der Szene selbst trainiert werden (Spektren des HSI, Ausschnitte des MSI), werden unter Führung durch beide Eingaben abgetastet, mit einem adaptiven Residuenschritt. Es werden keine Trainingsdaten benötigt. Standardmäßig werden beide Eingaben zuerst entrauscht, und die Abtastung beginnt auf einem niedrigen Rauschniveau bei derselben Unterraumschätzung wie bei SDP.&lt;/p&gt;&lt;p&gt;Eingaben: ein HSI mit vielen Bändern (Dutzende bis Hunderte) und ein MSI mit wenigen Bändern (z. B. 3 bis 8), die dasselbe Gebiet abdecken; das Verhältnis ihrer Pixelgrößen ist eine ganze Zahl ab 2 (z. B. 4; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit den Antworten der MSI-Bänder über den HSI-Bändern (eine Zeile je MSI-Band); leer: aus dem Paar geschätzt, ebenso die Unschärfe des HSI.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im MSI-Raster, in der radiometrischen Skala des HSI. Laufzeit auf einer CPU: etwa 20 s für MSI-Ausschnitte von 72-96 Pixeln bei Verhältnis 4 mit 1 Thread (gemessen, einschließlich des Trainings der beiden Modelle); etwa 2,5 Minuten für ein MSI von 480 x 480 Pixeln mit einem HSI von 198 Bändern mit 2 Threads (gemessen); sie wächst mit der Zahl der Pixel. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Referenz: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a hyperspectral raster (HSI) with a panchromatic raster (PAN) using DM-ZS: a frozen 3-channel diffusion prior generates a detail image, guided by the inputs and by a small network trained on the scene itself at reduced scale (zero-shot); a neural spatial-spectral decomposition maps it to all HSI bands. No training data is needed.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and a one-band PAN covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 3 or 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the PAN's response over the HSI bands; empty: estimated from the pair. &lt;b&gt;PRIOR&lt;/b&gt;: the bundled small prior, one trained on this scene, or a checkpoint file (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; SR3-style U-Nets such as the PLRDiff/DM-ZS public prior load, a GPU is advised for those).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the PAN grid, in the HSI's radiometric scale. Runtime on a CPU with the bundled prior: about 1.5 minutes for a PAN of 92-96 px at ratio 4 on one thread (measured, including the training on the scene); about 10 minutes per 256 x 256 px tile of PAN with a 198-band HSI on 2 threads (measured), so large scenes take hours. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Xiao et al., hyperspectral pansharpening with pre-trained diffusion models, zero-shot guidance and NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft ein Hyperspektralraster (HSI) mit einem panchromatischen Raster (PAN) mit DM-ZS: Ein eingefrorener 3-Kanal-Diffusionsprior erzeugt ein Detailbild, geführt von den Eingaben und von einem kleinen Netz, das auf der Szene selbst in reduzierter Auflösung trainiert wird (Zero-Shot); eine neuronale räumlich-spektrale Zerlegung bildet es auf alle HSI-Bänder ab. Es werden keine Trainingsdaten benötigt.&lt;/p&gt;&lt;p&gt;Eingaben: ein HSI mit vielen Bändern (Dutzende bis Hunderte) und ein einbandiges PAN, die dasselbe Gebiet abdecken; das Verhältnis ihrer Pixelgrößen ist eine ganze Zahl ab 2 (z. B. 3 oder 4; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit der Antwort des PAN über den HSI-Bändern; leer: aus dem Paar geschätzt. &lt;b&gt;PRIOR&lt;/b&gt;: der mitgelieferte kleine Prior, ein auf dieser Szene trainierter oder eine Checkpoint-Datei (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; U-Netze im SR3-Stil wie der öffentliche PLRDiff/DM-ZS-Prior werden geladen, für diese wird eine GPU empfohlen).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im PAN-Raster, in der radiometrischen Skala des HSI. Laufzeit auf einer CPU mit dem mitgelieferten Prior: etwa 1,5 Minuten für ein PAN von 92-96 Pixeln bei Verhältnis 4 mit einem Thread (gemessen, einschließlich des Trainings auf der Szene); etwa 10 Minuten je Kachel von 256 x 256 PAN-Pixeln mit einem HSI von 198 Bändern mit 2 Threads (gemessen), große Szenen brauchen also Stunden. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Referenz: Xiao et al., hyperspektrales Pansharpening mit vortrainierten Diffusionsmodellen, Zero-Shot-Führung und NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch and learns to refine an MTF-GLP-HPM fusion of the pair); an adapted model is averaged over the 8 flips and rotations of the image. Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU (measured on 2 cores): 0.06 s for 256 x 256 PAN pixels (about 30 times faster than ResPanDiff's 15 steps), about 1 megapixel of PAN per second on a 4000 x 4000 scene (1.4 at model level), plus the adaptation (0.1-0.3 s per iteration; an adapted model then sharpens 8 times slower); on a GPU several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft ein multispektrales Raster (MS) mit einem panchromatischen Raster (PAN) mit KSDiff: Ein kleines latentes Diffusionsmodell erzeugt aus PAN und MS einen Code (wenige DDIM-Schritte auf 256 Zahlen), der Code erzeugt bildweise Modulationen der Faltungskerne des Pansharpeners (Tucker-Form), und der Pansharpener (ein ConvNeXt-U-Net) läuft dann ein einziges Mal. Viel schneller als Diffusion im Pixelraum.&lt;/p&gt;&lt;p&gt;Eingaben: ein Multispektralraster MS (die mitgelieferten Gewichte brauchen 4 Bänder) und ein einbandiges PAN, die dasselbe Gebiet abdecken, mit 2- oder 4-mal kleineren PAN-Pixeln (das Verhältnis ergibt sich aus den Pixelgrößen; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (DN beliebiger Bittiefe, Strahldichte, Reflexionsgrad; intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: Die mitgelieferten Gewichte wurden auf Landsat-7 trainiert (4 Bänder in der Reihenfolge Blau, Grün, Rot, NIR; Verhältnis 2 und 4). Wählen und ordnen Sie die MS-Bänder mit &lt;b&gt;MS_BANDS&lt;/b&gt; (z. B. 3,2,1,4 für eine Datei mit Rot, Grün, Blau, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; verwendet mit &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff) trainierte Gewichte.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 passt das Modell zuerst an das nochmals degradierte Eingabepaar an (Wald-Protokoll): für andere Sensoren oder Bandzahlen (z. B. 8-bandiges WorldView-3; dann wird ein Modell von Grund auf angepasst, das lernt, eine MTF-GLP-HPM-Fusion des Paares zu verfeinern); ein angepasstes Modell wird über die 8 Spiegelungen und Drehungen des Bildes gemittelt. Ohne dies ist eine von den Gewichten abweichende Bandzahl oder ein abweichendes Verhältnis ein Fehler.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den MS-Bändern im PAN-Raster, in der radiometrischen Skala des MS. Laufzeit auf einer CPU (gemessen auf 2 Kernen): 0,06 s für 256 x 256 PAN-Pixel (etwa 30-mal schneller als die 15 Schritte von ResPanDiff), etwa 1 Megapixel PAN pro Sekunde bei einer Szene von 4000 x 4000 (1,4 auf Modellebene), zuzüglich der Anpassung (0,1-0,3 s pro Iteration; ein angepasstes Modell schärft danach 8-mal langsamer); auf einer GPU um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Quelle: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using ResPanDiff, a diffusion model that infers the residual between the upsampled MS and the sharp result in 15 steps.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; instead.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch, 300-1000 iterations, minutes on a CPU). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU: about 4-5 s for a 400 x 400 PAN with 15 steps on 2 threads (measured); a tile of 448 x 448 PAN pixels costs about 1 CPU-second plus 0.6-1.2 CPU-seconds per step (fewer STEPS are faster), plus the adaptation. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Cao, Deng, Deng, ResPanDiff, arXiv 2501.05091 (2025); its network's condition modules follow DDIF (Cao et al., Information Fusion 2024).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft ein Multispektralraster (MS) mit einem panchromatischen Raster (PAN) mit ResPanDiff, einem Diffusionsmodell, das das Residuum zwischen dem hochgetasteten MS und dem scharfen Ergebnis in 15 Schritten bestimmt.&lt;/p&gt;&lt;p&gt;Eingaben: ein Multispektralraster MS (die mitgelieferten Gewichte brauchen 4 Bänder) und ein einbandiges PAN, die dasselbe Gebiet abdecken, mit 2- oder 4-mal kleineren PAN-Pixeln (das Verhältnis ergibt sich aus den Pixelgrößen; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (DN beliebiger Bittiefe, Strahldichte, Reflexionsgrad; intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: Die mitgelieferten Gewichte wurden auf Landsat-7 trainiert (4 Bänder in der Reihenfolge Blau, Grün, Rot, NIR; Verhältnis 2 und Verhältnis 4). Wählen und ordnen Sie die MS-Bänder mit &lt;b&gt;MS_BANDS&lt;/b&gt; (z. B. 3,2,1,4 für eine Datei mit Rot, Grün, Blau, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; verwendet stattdessen mit &lt;i&gt;fusediff:train&lt;/i&gt; trainierte Gewichte.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 passt das Modell zunächst an das noch einmal degradierte Eingabepaar an (Wald-Protokoll): für andere Sensoren oder Bandanzahlen (z. B. WorldView-3 mit 8 Bändern; dann wird ein Modell von Grund auf angepasst, 300-1000 Iterationen, Minuten auf einer CPU). Ohne sie ist eine Bandanzahl oder ein Verhältnis, das von dem der Gewichte abweicht, ein Fehler.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den MS-Bändern im PAN-Raster, in der radiometrischen Skala des MS. Laufzeit auf einer CPU: etwa 4-5 s für ein PAN von 400 x 400 Pixeln mit 15 Schritten und 2 Threads (gemessen); eine Kachel von 448 x 448 PAN-Pixeln kostet etwa 1 CPU-Sekunde plus 0,6-1,2 CPU-Sekunden je Schritt (weniger STEPS sind schneller), zuzüglich der Anpassung. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Referenz: Cao, Deng, Deng, ResPanDiff, arXiv 2501.05091 (2025); die Bedingungsmodule des Netzes folgen DDIF (Cao et al., Information Fusion 2024).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using SDP: a small diffusion model of spectra is trained on the HSI's own pixels (no training data needed), then the high-resolution cube is solved for so that it explains both inputs while its spectra stay plausible under that model. It starts from a fast least-squares estimate in the HSI's spectral subspace, made after both inputs' sensor noise has been suppressed (DENOISE).&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 20 s to 2 min for MSI crops of 72-96 px at ratio 4 on 2 threads (measured, including training the prior); about 8 minutes for a 480 x 480 MSI with a 198-band HSI (measured); it grows with the number of pixels and bands. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Fusioniert ein niedrig aufgelöstes Hyperspektralraster (HSI) mit einem hoch aufgelösten Multispektralraster (MSI) mit SDP: Ein kleines Diffusionsmodell der Spektren wird auf den eigenen Pixeln des HSI trainiert (keine Trainingsdaten nötig), dann wird der hoch aufgelöste Würfel so bestimmt, dass er beide Eingaben erklärt, während seine Spektren unter diesem Modell plausibel bleiben. Er startet von einer schnellen Kleinste-Quadrate-Schätzung im spektralen Unterraum des HSI, die erst nach dem Unterdrücken des Sensorrauschens beider Eingaben berechnet wird (DENOISE).&lt;/p&gt;&lt;p&gt;Eingaben: ein HSI mit vielen Bändern (Dutzende bis Hunderte) und ein MSI mit wenigen Bändern (z. B. 3 bis 8), die dasselbe Gebiet abdecken; das Verhältnis ihrer Pixelgrößen ist eine ganze Zahl ab 2 (z. B. 4; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit den Antworten der MSI-Bänder über den HSI-Bändern (eine Zeile je MSI-Band); leer: aus dem Paar geschätzt, ebenso die Unschärfe des HSI.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im MSI-Raster, in der radiometrischen Skala des HSI. Laufzeit auf einer CPU: etwa 20 s bis 2 min für MSI-Ausschnitte von 72-96 Pixeln bei Verhältnis 4 mit 2 Threads (gemessen, einschließlich des Trainings des Priors); etwa 8 Minuten für ein MSI von 480 x 480 Pixeln mit einem HSI von 198 Bändern (gemessen); sie wächst mit der Zahl der Pixel und Bänder. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Referenz: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Scene scale: values divided by {0:g} (the {1:g}th percentile of the valid input values).</source>
      <translation type="vanished">Szenenskalierung: Werte geteilt durch {0:g} (das {1:g}. Perzentil der gültigen Eingabewerte).</translation>
    </message>
    <message>
      <source>The IKONOS-like response needs the reference's band wavelengths, which its metadata does not give: enter them in WAVELENGTHS (nm).</source>
      <translation type="vanished">Die IKONOS-ähnliche Antwort benötigt die Bandwellenlängen der Referenz, die ihre Metadaten nicht angeben: Geben Sie sie in WAVELENGTHS (nm) ein.</translation>
    </message>
    <message>
      <source>fusediff:{0} needs the Python package {1}, which is not installed for {2} ({3}); install it with '{2} -m pip install {4}' and run again.</source>
      <translation type="vanished">fusediff:{0} benötigt das Python-Paket {1}, das für {2} nicht installiert ist ({3}); installieren Sie es mit '{2} -m pip install {4}' und starten Sie erneut.</translation>
    </message>
    <message>
      <source>fusediff:{0} needs the Python package {1}, which is installed for {2} but cannot be loaded ({3}); reinstall it with '{2} -m pip install --force-reinstall {4}' and run again.</source>
      <translation type="vanished">fusediff:{0} benötigt das Python-Paket {1}, das für {2} installiert ist, aber nicht geladen werden kann ({3}); installieren Sie es mit '{2} -m pip install --force-reinstall {4}' neu und starten Sie erneut.</translation>
    </message>
    <message>
      <source>MS MTF gain(s) at Nyquist for the adaptation's degradation and the consistency passes: a number, comma-separated per-band numbers, or a sensor name.</source>
      <translation type="vanished">MTF-Verstärkung(en) des MS bei Nyquist für die Degradation der Anpassung und die Konsistenzdurchläufe: eine Zahl, kommagetrennte Werte je Band oder ein Sensorname.</translation>
    </message>
    <message>
      <source>Fusion</source>
      <translation type="vanished">Fusion</translation>
    </message>
    <message>
      <source>The inputs have no valid pixel in their common area (all nodata). Check the nodata value and the extents of the rasters.</source>
      <translation type="vanished">Die Eingaben haben in ihrem gemeinsamen Gebiet kein gültiges Pixel (alles Nodata). Prüfen Sie den Nodata-Wert und die Ausdehnungen der Raster.</translation>
    </message>
    <message>
      <source>The input values are all zero or negative; there is nothing to fuse. Check the input rasters.</source>
      <translation type="vanished">Die Eingabewerte sind alle null oder negativ; es gibt nichts zu fusionieren. Prüfen Sie die Eingaberaster.</translation>
    </message>
    <message>
      <source>The input {0} is missing: choose a raster.</source>
      <translation type="vanished">Die Eingabe {0} fehlt: Wählen Sie ein Raster.</translation>
    </message>
    <message>
      <source>PyTorch is not installed for the Python that QGIS uses. Install it with 'python3 -m pip install torch --index-url https://download.pytorch.org/whl/cpu' (CPU) or 'python3 -m pip install torch --index-url https://download.pytorch.org/whl/cu121' (NVIDIA GPU), using the python3 of your QGIS installation (on Windows: the OSGeo4W Shell), then restart QGIS. The classical methods work without PyTorch.</source>
      <translation type="vanished">PyTorch ist für das Python, das QGIS verwendet, nicht installiert. Installieren Sie es mit 'python3 -m pip install torch --index-url https://download.pytorch.org/whl/cpu' (CPU) oder 'python3 -m pip install torch --index-url https://download.pytorch.org/whl/cu121' (NVIDIA-GPU), mit dem python3 Ihrer QGIS-Installation (unter Windows: die OSGeo4W Shell), und starten Sie QGIS neu. Die klassischen Verfahren funktionieren ohne PyTorch.</translation>
    </message>
    <message>
      <source>PyTorch is installed for the Python that QGIS uses but cannot be loaded (a broken or incompatible installation, e.g. a missing library). Reinstall it with 'python3 -m pip install --force-reinstall torch --index-url https://download.pytorch.org/whl/cpu' (CPU) or 'python3 -m pip install --force-reinstall torch --index-url https://download.pytorch.org/whl/cu121' (NVIDIA GPU), using the python3 of your QGIS installation (on Windows: the OSGeo4W Shell), then restart QGIS. The classical methods work without PyTorch.</source>
      <translation type="vanished">PyTorch ist für das Python, das QGIS verwendet, installiert, lässt sich aber nicht laden (eine defekte oder inkompatible Installation, z. B. eine fehlende Bibliothek). Installieren Sie es neu mit 'python3 -m pip install --force-reinstall torch --index-url https://download.pytorch.org/whl/cpu' (CPU) oder 'python3 -m pip install --force-reinstall torch --index-url https://download.pytorch.org/whl/cu121' (NVIDIA-GPU), mit dem python3 Ihrer QGIS-Installation (unter Windows: die OSGeo4W Shell), und starten Sie QGIS neu. Die klassischen Verfahren funktionieren ohne PyTorch.</translation>
    </message>
    <message>
      <source>Sampling steps</source>
      <translation type="vanished">Sampling-Schritte</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using ARGS-Diff: the result is modelled as coefficient maps times a few basis spectra; two small diffusion models trained on the scene itself (spectra of the HSI, patches of the MSI) are sampled under guidance by both inputs, with an adaptive residual step. No training data is needed.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 15 s for MSI crops of 72-96 px at ratio 4 on 2 threads (measured, including training the two models); about 1 minute for a 480 x 480 MSI with a 198-band HSI (measured); it grows with the number of pixels. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Fusioniert ein niedrig aufgelöstes Hyperspektralraster (HSI) mit einem hoch aufgelösten Multispektralraster (MSI) mit ARGS-Diff: Das Ergebnis wird als Koeffizientenkarten mal wenige Basisspektren modelliert; zwei kleine Diffusionsmodelle, die auf der Szene selbst trainiert werden (Spektren des HSI, Ausschnitte des MSI), werden unter Führung durch beide Eingaben abgetastet, mit einem adaptiven Residuenschritt. Es werden keine Trainingsdaten benötigt.&lt;/p&gt;&lt;p&gt;Eingaben: ein HSI mit vielen Bändern (Dutzende bis Hunderte) und ein MSI mit wenigen Bändern (z. B. 3 bis 8), die dasselbe Gebiet abdecken; das Verhältnis ihrer Pixelgrößen ist eine ganze Zahl ab 2 (z. B. 4; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit den Antworten der MSI-Bänder über den HSI-Bändern (eine Zeile je MSI-Band); leer: aus dem Paar geschätzt, ebenso die Unschärfe des HSI.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im MSI-Raster, in der radiometrischen Skala des HSI. Laufzeit auf einer CPU: etwa 15 s für MSI-Ausschnitte von 72-96 Pixeln bei Verhältnis 4 mit 2 Threads (gemessen, einschließlich des Trainings der beiden Modelle); etwa 1 Minute für ein MSI von 480 x 480 Pixeln mit einem HSI von 198 Bändern (gemessen); sie wächst mit der Zahl der Pixel. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Referenz: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Start of the reverse process: 'noise' (A_T, E_T ~ N(0, I), as in the paper) or 'data' (a subspace estimate from the inputs, noised to timestep start*T).</source>
      <translation type="vanished">Start des Rückwärtsprozesses: „noise“ (A_T, E_T ~ N(0, I), wie in der Veröffentlichung) oder „data“ (eine Unterraumschätzung aus den Eingaben, verrauscht bis zum Zeitschritt start*T).</translation>
    </message>
    <message>
      <source>With init='data': noise level sqrt(1 - abar_t) the reverse process starts from (1: pure noise).</source>
      <translation type="vanished">Mit init='data': Rauschniveau sqrt(1 - abar_t), bei dem der Rückwärtsprozess beginnt (1: reines Rauschen).</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a hyperspectral raster (HSI) with a panchromatic raster (PAN) using DM-ZS: a frozen 3-channel diffusion prior generates a detail image, guided by the inputs and by a small network trained on the scene itself at reduced scale (zero-shot); a neural spatial-spectral decomposition maps it to all HSI bands. No training data is needed.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and a one-band PAN covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 3 or 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the PAN's response over the HSI bands; empty: estimated from the pair. &lt;b&gt;PRIOR&lt;/b&gt;: the bundled small prior, one trained on this scene, or a checkpoint file (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; SR3-style U-Nets such as the PLRDiff/DM-ZS public prior load, a GPU is advised for those).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the PAN grid, in the HSI's radiometric scale. Runtime on a CPU with the bundled prior: about 2-3 minutes for a PAN of 92-96 px at ratio 4 on one thread (measured, including the training on the scene); minutes for larger scenes. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Xiao et al., hyperspectral pansharpening with pre-trained diffusion models, zero-shot guidance and NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft ein Hyperspektralraster (HSI) mit einem panchromatischen Raster (PAN) mit DM-ZS: Ein eingefrorener 3-Kanal-Diffusionsprior erzeugt ein Detailbild, geführt von den Eingaben und von einem kleinen Netz, das auf der Szene selbst in reduzierter Auflösung trainiert wird (Zero-Shot); eine neuronale räumlich-spektrale Zerlegung bildet es auf alle HSI-Bänder ab. Es werden keine Trainingsdaten benötigt.&lt;/p&gt;&lt;p&gt;Eingaben: ein HSI mit vielen Bändern (Dutzende bis Hunderte) und ein einbandiges PAN, die dasselbe Gebiet abdecken; das Verhältnis ihrer Pixelgrößen ist eine ganze Zahl ab 2 (z. B. 3 oder 4; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit der Antwort des PAN über den HSI-Bändern; leer: aus dem Paar geschätzt. &lt;b&gt;PRIOR&lt;/b&gt;: der mitgelieferte kleine Prior, ein auf dieser Szene trainierter oder eine Checkpoint-Datei (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; U-Netze im SR3-Stil wie der öffentliche PLRDiff/DM-ZS-Prior werden geladen, für diese wird eine GPU empfohlen).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im PAN-Raster, in der radiometrischen Skala des HSI. Laufzeit auf einer CPU mit dem mitgelieferten Prior: etwa 2-3 Minuten für ein PAN von 92-96 Pixeln bei Verhältnis 4 mit einem Thread (gemessen, einschließlich des Trainings auf der Szene); Minuten für größere Szenen. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Referenz: Xiao et al., hyperspektrales Pansharpening mit vortrainierten Diffusionsmodellen, Zero-Shot-Führung und NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using ARGS-Diff: the result is modelled as coefficient maps times a few basis spectra; two small diffusion models trained on the scene itself (spectra of the HSI, patches of the MSI) are sampled under guidance by both inputs, with an adaptive residual step. No training data is needed.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 15 s for MSI crops of 72-96 px at ratio 4 on 2 threads (measured, including training the two models); it grows with the number of pixels. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Fusioniert ein niedrig aufgelöstes Hyperspektralraster (HSI) mit einem hoch aufgelösten Multispektralraster (MSI) mit ARGS-Diff: Das Ergebnis wird als Koeffizientenkarten mal wenige Basisspektren modelliert; zwei kleine Diffusionsmodelle, die auf der Szene selbst trainiert werden (Spektren des HSI, Ausschnitte des MSI), werden unter Führung durch beide Eingaben abgetastet, mit einem adaptiven Residuenschritt. Es werden keine Trainingsdaten benötigt.&lt;/p&gt;&lt;p&gt;Eingaben: ein HSI mit vielen Bändern (Dutzende bis Hunderte) und ein MSI mit wenigen Bändern (z. B. 3 bis 8), die dasselbe Gebiet abdecken; das Verhältnis ihrer Pixelgrößen ist eine ganze Zahl ab 2 (z. B. 4; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit den Antworten der MSI-Bänder über den HSI-Bändern (eine Zeile je MSI-Band); leer: aus dem Paar geschätzt, ebenso die Unschärfe des HSI.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im MSI-Raster, in der radiometrischen Skala des HSI. Laufzeit auf einer CPU: etwa 15 s für MSI-Ausschnitte von 72-96 Pixeln bei Verhältnis 4 mit 2 Threads (gemessen, einschließlich des Trainings der beiden Modelle); sie wächst mit der Zahl der Pixel. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Referenz: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using SDP: a small diffusion model of spectra is trained on the HSI's own pixels (no training data needed), then the high-resolution cube is solved for so that it explains both inputs while its spectra stay plausible under that model. It starts from a fast least-squares estimate in the HSI's spectral subspace, made after both inputs' sensor noise has been suppressed (DENOISE).&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 20 s to 2 min for MSI crops of 72-96 px at ratio 4 on 2 threads (measured, including training the prior); it grows with the number of pixels and bands. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Fusioniert ein niedrig aufgelöstes Hyperspektralraster (HSI) mit einem hoch aufgelösten Multispektralraster (MSI) mit SDP: Ein kleines Diffusionsmodell der Spektren wird auf den eigenen Pixeln des HSI trainiert (keine Trainingsdaten nötig), dann wird der hoch aufgelöste Würfel so bestimmt, dass er beide Eingaben erklärt, während seine Spektren unter diesem Modell plausibel bleiben. Er startet von einer schnellen Kleinste-Quadrate-Schätzung im spektralen Unterraum des HSI, die erst nach dem Unterdrücken des Sensorrauschens beider Eingaben berechnet wird (DENOISE).&lt;/p&gt;&lt;p&gt;Eingaben: ein HSI mit vielen Bändern (Dutzende bis Hunderte) und ein MSI mit wenigen Bändern (z. B. 3 bis 8), die dasselbe Gebiet abdecken; das Verhältnis ihrer Pixelgrößen ist eine ganze Zahl ab 2 (z. B. 4; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit den Antworten der MSI-Bänder über den HSI-Bändern (eine Zeile je MSI-Band); leer: aus dem Paar geschätzt, ebenso die Unschärfe des HSI.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im MSI-Raster, in der radiometrischen Skala des HSI. Laufzeit auf einer CPU: etwa 20 s bis 2 min für MSI-Ausschnitte von 72-96 Pixeln bei Verhältnis 4 mit 2 Threads (gemessen, einschließlich des Trainings des Priors); sie wächst mit der Zahl der Pixel und Bänder. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Referenz: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using SDP: a small diffusion model of spectra is trained on the HSI's own pixels (no training data needed), then the high-resolution cube is solved for so that it explains both inputs while its spectra stay plausible under that model. It starts from a fast least-squares estimate in the HSI's spectral subspace.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 20 s to 2 min for MSI crops of 72-96 px at ratio 4 on 2 threads (measured, including training the prior); it grows with the number of pixels and bands. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Fusioniert ein niedrig aufgelöstes Hyperspektralraster (HSI) mit einem hoch aufgelösten Multispektralraster (MSI) mit SDP: Ein kleines Diffusionsmodell der Spektren wird auf den eigenen Pixeln des HSI trainiert (keine Trainingsdaten nötig), dann wird der hoch aufgelöste Würfel so bestimmt, dass er beide Eingaben erklärt, während seine Spektren unter diesem Modell plausibel bleiben. Er startet von einer schnellen Kleinste-Quadrate-Schätzung im spektralen Unterraum des HSI.&lt;/p&gt;&lt;p&gt;Eingaben: ein HSI mit vielen Bändern (Dutzende bis Hunderte) und ein MSI mit wenigen Bändern (z. B. 3 bis 8), die dasselbe Gebiet abdecken; das Verhältnis ihrer Pixelgrößen ist eine ganze Zahl ab 2 (z. B. 4; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit den Antworten der MSI-Bänder über den HSI-Bändern (eine Zeile je MSI-Band); leer: aus dem Paar geschätzt, ebenso die Unschärfe des HSI.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im MSI-Raster, in der radiometrischen Skala des HSI. Laufzeit auf einer CPU: etwa 20 s bis 2 min für MSI-Ausschnitte von 72-96 Pixeln bei Verhältnis 4 mit 2 Threads (gemessen, einschließlich des Trainings des Priors); sie wächst mit der Zahl der Pixel und Bänder. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Referenz: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Rank of the spectral subspace of the warm start.</source>
      <translation type="vanished">Rang des spektralen Unterraums des Warmstarts.</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a hyperspectral raster (HSI) with a panchromatic raster (PAN) using DM-ZS: a frozen 3-channel diffusion prior generates a detail image, guided by the inputs and by a small network trained on the scene itself at reduced scale (zero-shot); a neural spatial-spectral decomposition maps it to all HSI bands. No training data is needed.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and a one-band PAN covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 3 or 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the PAN's response over the HSI bands; empty: estimated from the pair. &lt;b&gt;PRIOR&lt;/b&gt;: the bundled small prior, one trained on this scene, or a checkpoint file (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; SR3-style U-Nets such as the PLRDiff/DM-ZS public prior load, a GPU is advised for those).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the PAN grid, in the HSI's radiometric scale. Runtime on a CPU with the bundled prior: about 70-95 s for a PAN of 92-96 px at ratio 4 on 2 threads (measured, including the training on the scene); minutes for larger scenes. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Xiao et al., hyperspectral pansharpening with pre-trained diffusion models, zero-shot guidance and NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft ein Hyperspektralraster (HSI) mit einem panchromatischen Raster (PAN) mit DM-ZS: Ein eingefrorener 3-Kanal-Diffusionsprior erzeugt ein Detailbild, geführt von den Eingaben und von einem kleinen Netz, das auf der Szene selbst in reduzierter Auflösung trainiert wird (Zero-Shot); eine neuronale räumlich-spektrale Zerlegung bildet es auf alle HSI-Bänder ab. Es werden keine Trainingsdaten benötigt.&lt;/p&gt;&lt;p&gt;Eingaben: ein HSI mit vielen Bändern (Dutzende bis Hunderte) und ein einbandiges PAN, die dasselbe Gebiet abdecken; das Verhältnis ihrer Pixelgrößen ist eine ganze Zahl ab 2 (z. B. 3 oder 4; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit der Antwort des PAN über den HSI-Bändern; leer: aus dem Paar geschätzt. &lt;b&gt;PRIOR&lt;/b&gt;: der mitgelieferte kleine Prior, ein auf dieser Szene trainierter oder eine Checkpoint-Datei (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; U-Netze im SR3-Stil wie der öffentliche PLRDiff/DM-ZS-Prior werden geladen, für diese wird eine GPU empfohlen).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im PAN-Raster, in der radiometrischen Skala des HSI. Laufzeit auf einer CPU mit dem mitgelieferten Prior: etwa 70-95 s für ein PAN von 92-96 Pixeln bei Verhältnis 4 mit 2 Threads (gemessen, einschließlich des Trainings auf der Szene); Minuten für größere Szenen. Auf einer GPU typischerweise um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Referenz: Xiao et al., hyperspektrales Pansharpening mit vortrainierten Diffusionsmodellen, Zero-Shot-Führung und NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch and learns to refine an MTF-GLP-HPM fusion of the pair); an adapted model is averaged over the 8 flips and rotations of the image. Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU (measured on 2 cores): 0.06 s for 256 x 256 PAN pixels (about 30 times faster than ResPanDiff's 15 steps), about 0.7 megapixels of PAN per second on a 4000 x 4000 scene (1.4 at model level), plus the adaptation (0.1-0.3 s per iteration; an adapted model then sharpens 8 times slower); on a GPU several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft ein multispektrales Raster (MS) mit einem panchromatischen Raster (PAN) mit KSDiff: Ein kleines latentes Diffusionsmodell erzeugt aus PAN und MS einen Code (wenige DDIM-Schritte auf 256 Zahlen), der Code erzeugt bildweise Modulationen der Faltungskerne des Pansharpeners (Tucker-Form), und der Pansharpener (ein ConvNeXt-U-Net) läuft dann ein einziges Mal. Viel schneller als Diffusion im Pixelraum.&lt;/p&gt;&lt;p&gt;Eingaben: ein Multispektralraster MS (die mitgelieferten Gewichte brauchen 4 Bänder) und ein einbandiges PAN, die dasselbe Gebiet abdecken, mit 2- oder 4-mal kleineren PAN-Pixeln (das Verhältnis ergibt sich aus den Pixelgrößen; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (DN beliebiger Bittiefe, Strahldichte, Reflexionsgrad; intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: Die mitgelieferten Gewichte wurden auf Landsat-7 trainiert (4 Bänder in der Reihenfolge Blau, Grün, Rot, NIR; Verhältnis 2 und 4). Wählen und ordnen Sie die MS-Bänder mit &lt;b&gt;MS_BANDS&lt;/b&gt; (z. B. 3,2,1,4 für eine Datei mit Rot, Grün, Blau, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; verwendet mit &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff) trainierte Gewichte.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 passt das Modell zuerst an das nochmals degradierte Eingabepaar an (Wald-Protokoll): für andere Sensoren oder Bandzahlen (z. B. 8-bandiges WorldView-3; dann wird ein Modell von Grund auf angepasst, das lernt, eine MTF-GLP-HPM-Fusion des Paares zu verfeinern); ein angepasstes Modell wird über die 8 Spiegelungen und Drehungen des Bildes gemittelt. Ohne dies ist eine von den Gewichten abweichende Bandzahl oder ein abweichendes Verhältnis ein Fehler.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den MS-Bändern im PAN-Raster, in der radiometrischen Skala des MS. Laufzeit auf einer CPU (gemessen auf 2 Kernen): 0,06 s für 256 x 256 PAN-Pixel (etwa 30-mal schneller als die 15 Schritte von ResPanDiff), etwa 0,7 Megapixel PAN pro Sekunde bei einer Szene von 4000 x 4000 (1,4 auf Modellebene), zuzüglich der Anpassung (0,1-0,3 s pro Iteration; ein angepasstes Modell schärft danach 8-mal langsamer); auf einer GPU um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Quelle: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU (measured on 2 cores): 0.06 s for 256 x 256 PAN pixels (about 30 times faster than ResPanDiff's 15 steps), about 0.6 megapixels of PAN per second on a 4000 x 4000 scene (1.2 at model level), plus the adaptation (0.1-0.3 s per iteration); on a GPU several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft ein multispektrales Raster (MS) mit einem panchromatischen Raster (PAN) mit KSDiff: Ein kleines latentes Diffusionsmodell erzeugt aus PAN und MS einen Code (wenige DDIM-Schritte auf 256 Zahlen), der Code erzeugt bildweise Modulationen der Faltungskerne des Pansharpeners (Tucker-Form), und der Pansharpener (ein ConvNeXt-U-Net) läuft dann ein einziges Mal. Viel schneller als Diffusion im Pixelraum.&lt;/p&gt;&lt;p&gt;Eingaben: ein Multispektralraster MS (die mitgelieferten Gewichte brauchen 4 Bänder) und ein einbandiges PAN, die dasselbe Gebiet abdecken, mit 2- oder 4-mal kleineren PAN-Pixeln (das Verhältnis ergibt sich aus den Pixelgrößen; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (DN beliebiger Bittiefe, Strahldichte, Reflexionsgrad; intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: Die mitgelieferten Gewichte wurden auf Landsat-7 trainiert (4 Bänder in der Reihenfolge Blau, Grün, Rot, NIR; Verhältnis 2 und 4). Wählen und ordnen Sie die MS-Bänder mit &lt;b&gt;MS_BANDS&lt;/b&gt; (z. B. 3,2,1,4 für eine Datei mit Rot, Grün, Blau, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; verwendet mit &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff) trainierte Gewichte.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 passt das Modell zuerst an das nochmals degradierte Eingabepaar an (Wald-Protokoll): für andere Sensoren oder Bandzahlen (z. B. 8-bandiges WorldView-3; dann wird ein Modell von Grund auf angepasst). Ohne dies ist eine von den Gewichten abweichende Bandzahl oder ein abweichendes Verhältnis ein Fehler.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den MS-Bändern im PAN-Raster, in der radiometrischen Skala des MS. Laufzeit auf einer CPU (gemessen auf 2 Kernen): 0,06 s für 256 x 256 PAN-Pixel (etwa 30-mal schneller als die 15 Schritte von ResPanDiff), etwa 0,6 Megapixel PAN pro Sekunde bei einer Szene von 4000 x 4000 (1,2 auf Modellebene), zuzüglich der Anpassung (0,1-0,3 s pro Iteration); auf einer GPU um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Quelle: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU (measured on 2 cores): 0.06 s for 256 x 256 PAN pixels (29 times faster than ResPanDiff's 15 steps), about 0.5 megapixels of PAN per second on a 4000 x 4000 scene (0.8 at model level), plus the adaptation (0.1-0.3 s per iteration); on a GPU several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft ein multispektrales Raster (MS) mit einem panchromatischen Raster (PAN) mit KSDiff: Ein kleines latentes Diffusionsmodell erzeugt aus PAN und MS einen Code (wenige DDIM-Schritte auf 256 Zahlen), der Code erzeugt bildweise Modulationen der Faltungskerne des Pansharpeners (Tucker-Form), und der Pansharpener (ein ConvNeXt-U-Net) läuft dann ein einziges Mal. Viel schneller als Diffusion im Pixelraum.&lt;/p&gt;&lt;p&gt;Eingaben: ein Multispektralraster MS (die mitgelieferten Gewichte brauchen 4 Bänder) und ein einbandiges PAN, die dasselbe Gebiet abdecken, mit 2- oder 4-mal kleineren PAN-Pixeln (das Verhältnis ergibt sich aus den Pixelgrößen; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (DN beliebiger Bittiefe, Strahldichte, Reflexionsgrad; intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: Die mitgelieferten Gewichte wurden auf Landsat-7 trainiert (4 Bänder in der Reihenfolge Blau, Grün, Rot, NIR; Verhältnis 2 und 4). Wählen und ordnen Sie die MS-Bänder mit &lt;b&gt;MS_BANDS&lt;/b&gt; (z. B. 3,2,1,4 für eine Datei mit Rot, Grün, Blau, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; verwendet mit &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff) trainierte Gewichte.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 passt das Modell zuerst an das nochmals degradierte Eingabepaar an (Wald-Protokoll): für andere Sensoren oder Bandzahlen (z. B. 8-bandiges WorldView-3; dann wird ein Modell von Grund auf angepasst). Ohne dies ist eine von den Gewichten abweichende Bandzahl oder ein abweichendes Verhältnis ein Fehler.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den MS-Bändern im PAN-Raster, in der radiometrischen Skala des MS. Laufzeit auf einer CPU (gemessen auf 2 Kernen): 0,06 s für 256 x 256 PAN-Pixel (29-mal schneller als die 15 Schritte von ResPanDiff), etwa 0,5 Megapixel PAN pro Sekunde bei einer Szene von 4000 x 4000 (0,8 auf Modellebene), zuzüglich der Anpassung (0,1-0,3 s pro Iteration); auf einer GPU um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Quelle: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>What the warm start's ridge pulls towards: a spectral regression of the MSI learned on the scene, or the cubic upsampling of the LR-HSI.</source>
      <translation type="vanished">Wohin die Ridge-Regularisierung des Warmstarts zieht: eine auf der Szene gelernte spektrale Regression des MSI oder das kubische Hochtasten des LR-HSI.</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU (measured on a shared 2-core machine): 0.08 s for 256 x 256 PAN pixels (58 times faster than ResPanDiff's 15 steps), about 0.2-0.3 megapixels of PAN per second on a 4000 x 4000 scene, plus the adaptation (0.1-0.3 s per iteration); on a GPU several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft ein multispektrales Raster (MS) mit einem panchromatischen Raster (PAN) mit KSDiff: Ein kleines latentes Diffusionsmodell erzeugt aus PAN und MS einen Code (wenige DDIM-Schritte auf 256 Zahlen), der Code erzeugt bildweise Modulationen der Faltungskerne des Pansharpeners (Tucker-Form), und der Pansharpener (ein ConvNeXt-U-Net) läuft dann ein einziges Mal. Viel schneller als Diffusion im Pixelraum.&lt;/p&gt;&lt;p&gt;Eingaben: ein Multispektralraster MS (die mitgelieferten Gewichte brauchen 4 Bänder) und ein einbandiges PAN, die dasselbe Gebiet abdecken, mit 2- oder 4-mal kleineren PAN-Pixeln (das Verhältnis ergibt sich aus den Pixelgrößen; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (DN beliebiger Bittiefe, Strahldichte, Reflexionsgrad; intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: Die mitgelieferten Gewichte wurden auf Landsat-7 trainiert (4 Bänder in der Reihenfolge Blau, Grün, Rot, NIR; Verhältnis 2 und 4). Wählen und ordnen Sie die MS-Bänder mit &lt;b&gt;MS_BANDS&lt;/b&gt; (z. B. 3,2,1,4 für eine Datei mit Rot, Grün, Blau, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; verwendet mit &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff) trainierte Gewichte.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 passt das Modell zuerst an das nochmals degradierte Eingabepaar an (Wald-Protokoll): für andere Sensoren oder Bandzahlen (z. B. 8-bandiges WorldView-3; dann wird ein Modell von Grund auf angepasst). Ohne dies ist eine von den Gewichten abweichende Bandzahl oder ein abweichendes Verhältnis ein Fehler.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den MS-Bändern im PAN-Raster, in der radiometrischen Skala des MS. Laufzeit auf einer CPU (gemessen auf einer geteilten Maschine mit 2 Kernen): 0,08 s für 256 x 256 PAN-Pixel (58-mal schneller als die 15 Schritte von ResPanDiff), etwa 0,2-0,3 Megapixel PAN pro Sekunde bei einer Szene von 4000 x 4000, zuzüglich der Anpassung (0,1-0,3 s pro Iteration); auf einer GPU um ein Mehrfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Quelle: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Consistency passes after sharpening: the result, low-passed with the MS MTF and sampled at the MS pixels, is pulled back to the MS by back-projection (0 = off).</source>
      <translation type="vanished">Konsistenzdurchläufe nach dem Schärfen: das Ergebnis wird mit der MTF des MS tiefpassgefiltert, an den MS-Pixeln abgetastet und per Rückprojektion an das MS angeglichen (0 = aus).</translation>
    </message>
    <message>
      <source>MS MTF gain(s) at Nyquist for the adaptation's degradation: a number, comma-separated per-band numbers, or a sensor name.</source>
      <translation type="vanished">MTF-Verstärkung(en) des MS bei Nyquist für die Degradation der Anpassung: eine Zahl, kommagetrennte Zahlen je Band oder ein Sensorname.</translation>
    </message>
    <message>
      <source>MS MTF gain(s) at Nyquist for the adaptation's degradation: a number, comma-separated per-band numbers, or a sensor name (e.g. worldview3).</source>
      <translation type="vanished">MS-MTF-Verstärkung(en) bei Nyquist für die Degradation der Anpassung: eine Zahl, durch Kommas getrennte Zahlen je Band oder ein Sensorname (z. B. worldview3).</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on 2 CPU cores: about 1 megapixel of PAN per second (a 4000 x 4000 scene in well under a minute), plus the adaptation (about 0.2 s per iteration); on a GPU several times faster (not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft ein multispektrales Raster (MS) mit einem panchromatischen Raster (PAN) mit KSDiff: Ein kleines latentes Diffusionsmodell erzeugt aus PAN und MS einen Code (wenige DDIM-Schritte auf 256 Zahlen), der Code erzeugt bildweise Modulationen der Faltungskerne des Pansharpeners (Tucker-Form), und der Pansharpener (ein ConvNeXt-U-Net) läuft dann ein einziges Mal. Viel schneller als Diffusion im Pixelraum.&lt;/p&gt;&lt;p&gt;Eingaben: ein Multispektralraster MS (die mitgelieferten Gewichte brauchen 4 Bänder) und ein einbandiges PAN, die dasselbe Gebiet abdecken, mit 2- oder 4-mal kleineren PAN-Pixeln (das Verhältnis ergibt sich aus den Pixelgrößen; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen (DN beliebiger Bittiefe, Strahldichte, Reflexionsgrad; intern skaliert).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: Die mitgelieferten Gewichte wurden auf Landsat-7 trainiert (4 Bänder in der Reihenfolge Blau, Grün, Rot, NIR; Verhältnis 2 und 4). Wählen und ordnen Sie die MS-Bänder mit &lt;b&gt;MS_BANDS&lt;/b&gt; (z. B. 3,2,1,4 für eine Datei mit Rot, Grün, Blau, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; verwendet mit &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff) trainierte Gewichte.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 passt das Modell zuerst an das nochmals degradierte Eingabepaar an (Wald-Protokoll): für andere Sensoren oder Bandzahlen (z. B. 8-bandiges WorldView-3; dann wird ein Modell von Grund auf angepasst). Ohne dies ist eine von den Gewichten abweichende Bandzahl oder ein abweichendes Verhältnis ein Fehler.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den MS-Bändern im PAN-Raster, in der radiometrischen Skala des MS. Laufzeit auf 2 CPU-Kernen: etwa 1 Megapixel PAN pro Sekunde (eine Szene von 4000 x 4000 in deutlich unter einer Minute), zuzüglich der Anpassung (etwa 0,2 s pro Iteration); auf einer GPU um ein Mehrfaches schneller (hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Quelle: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Tile size (PAN pixels); each tile gets its own latent code and kernels.</source>
      <translation type="vanished">Kachelgröße (PAN-Pixel); jede Kachel erhält ihren eigenen latenten Code und eigene Kerne.</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on 2 CPU cores: about 1 megapixel of PAN per second (a 4000 x 4000 scene in well under a minute), plus the adaptation (about 0.2 s per iteration); on a GPU several times faster (not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft ein multispektrales Raster (MS) mit einem panchromatischen Raster (PAN) mit KSDiff: Ein kleines latentes Diffusionsmodell erzeugt aus PAN und MS einen Code (wenige DDIM-Schritte auf 256 Zahlen), der Code erzeugt bildweise Modulationen der Faltungskerne des Pansharpeners (Tucker-Form), und der Pansharpener (ein ConvNeXt-U-Net) läuft dann ein einziges Mal. Viel schneller als Diffusion im Pixelraum.&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: Die mitgelieferten Gewichte wurden auf Landsat-7 trainiert (4 Bänder in der Reihenfolge Blau, Grün, Rot, NIR; Verhältnis 2 und 4). Wählen und ordnen Sie die MS-Bänder mit &lt;b&gt;MS_BANDS&lt;/b&gt; (z. B. 3,2,1,4 für eine Datei mit Rot, Grün, Blau, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; verwendet mit &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff) trainierte Gewichte.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 passt das Modell zuerst an das nochmals degradierte Eingabepaar an (Wald-Protokoll): für andere Sensoren oder Bandzahlen (z. B. 8-bandiges WorldView-3; dann wird ein Modell von Grund auf angepasst). Ohne dies ist eine von den Gewichten abweichende Bandzahl oder ein abweichendes Verhältnis ein Fehler.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den MS-Bändern im PAN-Raster, in der radiometrischen Skala des MS. Laufzeit auf 2 CPU-Kernen: etwa 1 Megapixel PAN pro Sekunde (eine Szene von 4000 x 4000 in deutlich unter einer Minute), zuzüglich der Anpassung (etwa 0,2 s pro Iteration); auf einer GPU um ein Mehrfaches schneller (hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Quelle: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>ARGS-Diff finished in {0:.1f} s.</source>
      <translation type="vanished">ARGS-Diff fertig in {0:.1f} s.</translation>
    </message>
    <message>
      <source>DM-ZS finished in {0:.1f} s (prior: {1}).</source>
      <translation type="vanished">DM-ZS fertig in {0:.1f} s (Prior: {1}).</translation>
    </message>
    <message>
      <source>SDP finished in {0:.1f} s (PSF/SRF {1:.1f} s, prior {2:.1f} s, fusion {3:.1f} s).</source>
      <translation type="vanished">SDP fertig in {0:.1f} s (PSF/SRF {1:.1f} s, Prior {2:.1f} s, Fusion {3:.1f} s).</translation>
    </message>
    <message>
      <source>Train pansharpening weights (ResPanDiff)</source>
      <translation type="vanished">Pansharpening-Gewichte trainieren (ResPanDiff)</translation>
    </message>
    <message>
      <source>&lt;p&gt;Trains ResPanDiff weights for a sensor. Give either full-resolution &lt;b&gt;PANS&lt;/b&gt; and &lt;b&gt;MSS&lt;/b&gt; raster lists (pairs in the same order; each pair is degraded by its ratio with MTF-matched Gaussians, Wald's protocol, and random patches of the degraded pair are learnt) or a PanCollection-style &lt;b&gt;HDF5&lt;/b&gt; file (datasets gt, ms, lms, pan, scaled by their maximum value). &lt;b&gt;MS_BANDS&lt;/b&gt; picks and orders the MS bands (e.g. 3,2,1,4).&lt;/p&gt;&lt;p&gt;Inputs: one-band PAN rasters and MS rasters of 2 bands or more (the same bands in every pair), with PAN pixels a whole number of times smaller (the same ratio for every pair; RATIO overrides it). Values may be in any radiometric unit; each pair is scaled by its own robust maximum.&lt;/p&gt;&lt;p&gt;With several pairs the last one is used for validation (SAM, ERGAS and Q logged). &lt;b&gt;RESUME&lt;/b&gt; continues from a weights file. &lt;b&gt;OUTPUT&lt;/b&gt;: the weights (.pt) with a JSON model card beside it; use them as WEIGHTS_FILE of ResPanDiff.&lt;/p&gt;&lt;p&gt;Runtime: about 1 s per iteration of 8 patches of 64 x 64 on one CPU core (measured). On a GPU typically several to tens of times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Cao, Deng, Deng, ResPanDiff: Diffusion Model for Pansharpening by Inferring Residual Inference, arXiv 2501.05091 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Trainiert ResPanDiff-Gewichte für einen Sensor. Geben Sie entweder Listen voll aufgelöster &lt;b&gt;PANS&lt;/b&gt;- und &lt;b&gt;MSS&lt;/b&gt;-Raster an (Paare in derselben Reihenfolge; jedes Paar wird um sein Verhältnis mit MTF-angepassten Gauß-Filtern degradiert, Wald-Protokoll, und zufällige Ausschnitte des degradierten Paares werden gelernt) oder eine &lt;b&gt;HDF5&lt;/b&gt;-Datei im PanCollection-Stil (Datensätze gt, ms, lms, pan, skaliert mit ihrem Maximalwert). &lt;b&gt;MS_BANDS&lt;/b&gt; wählt und ordnet die MS-Bänder (z. B. 3,2,1,4).&lt;/p&gt;&lt;p&gt;Eingaben: einbandige PAN-Raster und MS-Raster mit 2 Bändern oder mehr (dieselben Bänder in jedem Paar), mit um einen ganzzahligen Faktor kleineren PAN-Pixeln (dasselbe Verhältnis für jedes Paar; RATIO überschreibt es). Die Werte können in beliebiger radiometrischer Einheit vorliegen; jedes Paar wird mit seinem eigenen robusten Maximum skaliert.&lt;/p&gt;&lt;p&gt;Bei mehreren Paaren wird das letzte zur Validierung verwendet (SAM, ERGAS und Q werden protokolliert). &lt;b&gt;RESUME&lt;/b&gt; setzt ab einer Gewichtsdatei fort. &lt;b&gt;OUTPUT&lt;/b&gt;: die Gewichte (.pt) mit einer JSON-Modellkarte daneben; verwenden Sie sie als WEIGHTS_FILE von ResPanDiff.&lt;/p&gt;&lt;p&gt;Laufzeit: etwa 1 s je Iteration mit 8 Ausschnitten von 64 x 64 auf einem CPU-Kern (gemessen). Auf einer GPU typischerweise um ein Mehrfaches bis Zehnfaches schneller (eine Schätzung; hier nicht gemessen).&lt;/p&gt;&lt;p&gt;Referenz: Cao, Deng, Deng, ResPanDiff: Diffusion Model for Pansharpening by Inferring Residual Inference, arXiv 2501.05091 (2025).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using ARGS-Diff: the result is modelled as coefficient maps times a few basis spectra; two small diffusion models trained on the scene itself (spectra of the HSI, patches of the MSI) are sampled under guidance by both inputs, with an adaptive residual step. No training data is needed.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime: a few minutes for a 100 x 100 MSI on a CPU.&lt;/p&gt;&lt;p&gt;Reference: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Fusioniert ein niedrig aufgelöstes Hyperspektralraster (HSI) mit einem hoch aufgelösten Multispektralraster (MSI) mit ARGS-Diff: Das Ergebnis wird als Koeffizientenkarten mal wenige Basisspektren modelliert; zwei kleine Diffusionsmodelle, die auf der Szene selbst trainiert werden (Spektren des HSI, Ausschnitte des MSI), werden unter Führung durch beide Eingaben abgetastet, mit einem adaptiven Residuenschritt. Es werden keine Trainingsdaten benötigt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit den Antworten der MSI-Bänder über den HSI-Bändern (eine Zeile je MSI-Band); leer: aus dem Paar geschätzt, ebenso die Unschärfe des HSI.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im MSI-Raster, in der radiometrischen Skala des HSI. Laufzeit: einige Minuten für ein MSI von 100 x 100 Pixeln auf einer CPU.&lt;/p&gt;&lt;p&gt;Referenz: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Measures the quality of a fused raster.&lt;/p&gt;&lt;p&gt;With a &lt;b&gt;REFERENCE&lt;/b&gt; (e.g. the input of Simulate a fusion pair): PSNR (dB), SSIM, SAM (degrees), ERGAS, RMSE, Q2n (Q4/Q8) and SCC, on both rasters divided by the reference's maximum, leaving out a border of RATIO pixels. FUSED and REFERENCE must be on the same grid. RATIO defaults to the pixel-size ratio of MS to FUSED when MS is given.&lt;/p&gt;&lt;p&gt;Without a reference, from the low-resolution &lt;b&gt;MS&lt;/b&gt; and the &lt;b&gt;PAN&lt;/b&gt; that were fused: D_lambda, D_s, QNR and HQNR at full resolution (Alparone et al. 2008; Khan et al. 2009). FUSED must cover the PAN/MS overlap on the PAN grid.&lt;/p&gt;&lt;p&gt;The values are printed to the log, written to OUTPUT_REPORT (HTML, or CSV when the file name ends in .csv) and returned as numeric outputs for the graphical modeler.&lt;/p&gt;&lt;p&gt;Runtime: seconds on a CPU for a 2000 x 2000 raster (no GPU needed).&lt;/p&gt;&lt;p&gt;References: Wald 2002 (ERGAS); Garzelli &amp;amp; Nencini 2009 (Q2n); Vivone et al., IEEE TGRS 2015 (protocol).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Misst die Qualität eines fusionierten Rasters.&lt;/p&gt;&lt;p&gt;Mit einer &lt;b&gt;REFERENCE&lt;/b&gt; (z. B. der Eingabe von „Fusionspaar simulieren“): PSNR (dB), SSIM, SAM (Grad), ERGAS, RMSE, Q2n (Q4/Q8) und SCC, auf beiden Rastern geteilt durch das Maximum der Referenz, ohne einen Rand von RATIO Pixeln. FUSED und REFERENCE müssen im selben Raster liegen. RATIO ist standardmäßig das Pixelgrößenverhältnis von MS zu FUSED, wenn MS angegeben ist.&lt;/p&gt;&lt;p&gt;Ohne Referenz, aus dem niedrig aufgelösten &lt;b&gt;MS&lt;/b&gt; und dem &lt;b&gt;PAN&lt;/b&gt;, die fusioniert wurden: D_lambda, D_s, QNR und HQNR in voller Auflösung (Alparone et al. 2008; Khan et al. 2009). FUSED muss die Überlappung von PAN und MS im PAN-Raster abdecken.&lt;/p&gt;&lt;p&gt;Die Werte werden im Protokoll ausgegeben, in OUTPUT_REPORT geschrieben (HTML, oder CSV, wenn der Dateiname auf .csv endet) und als numerische Ausgaben für die grafische Modellierung zurückgegeben.&lt;/p&gt;&lt;p&gt;Laufzeit: Sekunden auf einer CPU für ein Raster von 2000 x 2000 Pixeln (keine GPU nötig).&lt;/p&gt;&lt;p&gt;Referenzen: Wald 2002 (ERGAS); Garzelli &amp;amp; Nencini 2009 (Q2n); Vivone et al., IEEE TGRS 2015 (Protokoll).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a hyperspectral raster (HSI) with a panchromatic raster (PAN) using DM-ZS: a frozen 3-channel diffusion prior generates a detail image, guided by the inputs and by a small network trained on the scene itself at reduced scale (zero-shot); a neural spatial-spectral decomposition maps it to all HSI bands. No training data is needed.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the PAN's response over the HSI bands; empty: estimated from the pair. &lt;b&gt;PRIOR&lt;/b&gt;: the bundled small prior, one trained on this scene, or a checkpoint file (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; SR3-style U-Nets such as the PLRDiff/DM-ZS public prior load, a GPU is advised for those).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the PAN grid, in the HSI's radiometric scale. Runtime: minutes for a 100 x 100 PAN on a CPU.&lt;/p&gt;&lt;p&gt;Reference: Xiao et al., hyperspectral pansharpening with pre-trained diffusion models, zero-shot guidance and NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft ein Hyperspektralraster (HSI) mit einem panchromatischen Raster (PAN) mit DM-ZS: Ein eingefrorener 3-Kanal-Diffusionsprior erzeugt ein Detailbild, geführt von den Eingaben und von einem kleinen Netz, das auf der Szene selbst in reduzierter Auflösung trainiert wird (Zero-Shot); eine neuronale räumlich-spektrale Zerlegung bildet es auf alle HSI-Bänder ab. Es werden keine Trainingsdaten benötigt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit der Antwort des PAN über den HSI-Bändern; leer: aus dem Paar geschätzt. &lt;b&gt;PRIOR&lt;/b&gt;: der mitgelieferte kleine Prior, ein auf dieser Szene trainierter oder eine Checkpoint-Datei (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; U-Netze im SR3-Stil wie der öffentliche PLRDiff/DM-ZS-Prior werden geladen, für diese wird eine GPU empfohlen).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im PAN-Raster, in der radiometrischen Skala des HSI. Laufzeit: Minuten für ein PAN von 100 x 100 Pixeln auf einer CPU.&lt;/p&gt;&lt;p&gt;Referenz: Xiao et al., hyperspektrales Pansharpening mit vortrainierten Diffusionsmodellen, Zero-Shot-Führung und NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using ResPanDiff, a diffusion model that infers the residual between the upsampled MS and the sharp result in 15 steps.&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; instead.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch, 300-1000 iterations, minutes on a CPU). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime: a few seconds for 256 x 256 PAN pixels on a CPU, plus the adaptation.&lt;/p&gt;&lt;p&gt;Reference: Cao, Deng, Deng, ResPanDiff, arXiv 2501.05091 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Schärft ein Multispektralraster (MS) mit einem panchromatischen Raster (PAN) mit ResPanDiff, einem Diffusionsmodell, das das Residuum zwischen dem hochgetasteten MS und dem scharfen Ergebnis in 15 Schritten bestimmt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: Die mitgelieferten Gewichte wurden auf Landsat-7 trainiert (4 Bänder in der Reihenfolge Blau, Grün, Rot, NIR; Verhältnis 2 und Verhältnis 4). Wählen und ordnen Sie die MS-Bänder mit &lt;b&gt;MS_BANDS&lt;/b&gt; (z. B. 3,2,1,4 für eine Datei mit Rot, Grün, Blau, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; verwendet stattdessen mit &lt;i&gt;fusediff:train&lt;/i&gt; trainierte Gewichte.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 passt das Modell zunächst an das noch einmal degradierte Eingabepaar an (Wald-Protokoll): für andere Sensoren oder Bandanzahlen (z. B. WorldView-3 mit 8 Bändern; dann wird ein Modell von Grund auf angepasst, 300-1000 Iterationen, Minuten auf einer CPU). Ohne sie ist eine Bandanzahl oder ein Verhältnis, das von dem der Gewichte abweicht, ein Fehler.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den MS-Bändern im PAN-Raster, in der radiometrischen Skala des MS. Laufzeit: einige Sekunden für 256 x 256 PAN-Pixel auf einer CPU, zuzüglich der Anpassung.&lt;/p&gt;&lt;p&gt;Referenz: Cao, Deng, Deng, ResPanDiff, arXiv 2501.05091 (2025).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using SDP: a small diffusion model of spectra is trained on the HSI's own pixels (no training data needed), then the high-resolution cube is solved for so that it explains both inputs while its spectra stay plausible under that model. It starts from a fast least-squares estimate in the HSI's spectral subspace.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime: a few minutes for a 100 x 100 MSI on a CPU.&lt;/p&gt;&lt;p&gt;Reference: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Fusioniert ein niedrig aufgelöstes Hyperspektralraster (HSI) mit einem hoch aufgelösten Multispektralraster (MSI) mit SDP: Ein kleines Diffusionsmodell der Spektren wird auf den eigenen Pixeln des HSI trainiert (keine Trainingsdaten nötig), dann wird der hoch aufgelöste Würfel so bestimmt, dass er beide Eingaben erklärt, während seine Spektren unter diesem Modell plausibel bleiben. Er startet von einer schnellen Kleinste-Quadrate-Schätzung im spektralen Unterraum des HSI.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optionale CSV-Datei mit den Antworten der MSI-Bänder über den HSI-Bändern (eine Zeile je MSI-Band); leer: aus dem Paar geschätzt, ebenso die Unschärfe des HSI.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32-GeoTIFF mit den HSI-Bändern im MSI-Raster, in der radiometrischen Skala des HSI. Laufzeit: einige Minuten für ein MSI von 100 x 100 Pixeln auf einer CPU.&lt;/p&gt;&lt;p&gt;Referenz: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Simulates the inputs of a fusion method from a reference image (Wald's protocol), so a fused result can be compared with the reference (see Assess fusion quality).&lt;/p&gt;&lt;p&gt;&lt;b&gt;REFERENCE&lt;/b&gt;: a multispectral or hyperspectral raster (2 bands or more); band wavelengths are read from its metadata or given in WAVELENGTHS (nm).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_LOWRES&lt;/b&gt;: the reference blurred by the PSF and decimated by RATIO (pixels 0, r, 2r...; its origin is shifted by -(r-1)/2 reference pixels so each pixel sits on the reference pixel it was taken from). &lt;b&gt;OUTPUT_HIGHRES&lt;/b&gt;: the spectral response applied to the reference on its own grid: a PAN (mean of the bands in 450-900 nm), IKONOS-like Blue/Green/Red/NIR bands, or the response in a CSV file (one row per output band, one column per reference band). SNR adds Gaussian noise whose power is SNR dB below each band's mean signal power (0: no noise); SEED makes it repeatable.&lt;/p&gt;&lt;p&gt;Runtime: about a second per 1000 x 1000 x 100 values on a CPU (no GPU needed; the whole reference is held in memory).&lt;/p&gt;&lt;p&gt;Reference: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Simuliert die Eingaben eines Fusionsverfahrens aus einem Referenzbild (Wald-Protokoll), sodass ein fusioniertes Ergebnis mit der Referenz verglichen werden kann (siehe „Fusionsqualität bewerten“).&lt;/p&gt;&lt;p&gt;&lt;b&gt;REFERENCE&lt;/b&gt;: ein Multi- oder Hyperspektralraster (2 Bänder oder mehr); die Wellenlängen der Bänder werden aus seinen Metadaten gelesen oder in WAVELENGTHS (nm) angegeben.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_LOWRES&lt;/b&gt;: die Referenz, mit der PSF geglättet und um RATIO dezimiert (Pixel 0, r, 2r...; ihr Ursprung ist um -(r-1)/2 Referenzpixel verschoben, sodass jedes Pixel auf dem Referenzpixel liegt, aus dem es stammt). &lt;b&gt;OUTPUT_HIGHRES&lt;/b&gt;: die spektrale Antwort, angewandt auf die Referenz in deren eigenem Raster: ein PAN (Mittel der Bänder in 450-900 nm), IKONOS-ähnliche Bänder Blau/Grün/Rot/NIR oder die Antwort aus einer CSV-Datei (eine Zeile je Ausgabeband, eine Spalte je Referenzband). SNR fügt Gaußsches Rauschen hinzu, dessen Leistung SNR dB unter der mittleren Signalleistung jedes Bandes liegt (0: kein Rauschen); SEED macht es reproduzierbar.&lt;/p&gt;&lt;p&gt;Laufzeit: etwa eine Sekunde je 1000 x 1000 x 100 Werte auf einer CPU (keine GPU nötig; die ganze Referenz wird im Speicher gehalten).&lt;/p&gt;&lt;p&gt;Referenz: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Trains ResPanDiff weights for a sensor. Give either full-resolution &lt;b&gt;PANS&lt;/b&gt; and &lt;b&gt;MSS&lt;/b&gt; raster lists (pairs in the same order; each pair is degraded by its ratio with MTF-matched Gaussians, Wald's protocol, and random patches of the degraded pair are learnt) or a PanCollection-style &lt;b&gt;HDF5&lt;/b&gt; file (datasets gt, ms, lms, pan, scaled by their maximum value). &lt;b&gt;MS_BANDS&lt;/b&gt; picks and orders the MS bands (e.g. 3,2,1,4).&lt;/p&gt;&lt;p&gt;With several pairs the last one is used for validation (SAM, ERGAS and Q logged). &lt;b&gt;RESUME&lt;/b&gt; continues from a weights file. &lt;b&gt;OUTPUT&lt;/b&gt;: the weights (.pt) with a JSON model card beside it; use them as WEIGHTS_FILE of ResPanDiff.&lt;/p&gt;&lt;p&gt;Runtime: about 1 s per iteration of 8 patches of 64 x 64 on one CPU core; a GPU is much faster.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;Trainiert ResPanDiff-Gewichte für einen Sensor. Geben Sie entweder Listen voll aufgelöster &lt;b&gt;PANS&lt;/b&gt;- und &lt;b&gt;MSS&lt;/b&gt;-Raster an (Paare in derselben Reihenfolge; jedes Paar wird um sein Verhältnis mit MTF-angepassten Gauß-Filtern degradiert, Wald-Protokoll, und zufällige Ausschnitte des degradierten Paares werden gelernt) oder eine &lt;b&gt;HDF5&lt;/b&gt;-Datei im PanCollection-Stil (Datensätze gt, ms, lms, pan, skaliert mit ihrem Maximalwert). &lt;b&gt;MS_BANDS&lt;/b&gt; wählt und ordnet die MS-Bänder (z. B. 3,2,1,4).&lt;/p&gt;&lt;p&gt;Bei mehreren Paaren wird das letzte zur Validierung verwendet (SAM, ERGAS und Q werden protokolliert). &lt;b&gt;RESUME&lt;/b&gt; setzt ab einer Gewichtsdatei fort. &lt;b&gt;OUTPUT&lt;/b&gt;: die Gewichte (.pt) mit einer JSON-Modellkarte daneben; verwenden Sie sie als WEIGHTS_FILE von ResPanDiff.&lt;/p&gt;&lt;p&gt;Laufzeit: etwa 1 s je Iteration mit 8 Ausschnitten von 64 x 64 auf einem CPU-Kern; eine GPU ist viel schneller.&lt;/p&gt;</translation>
    </message>
  </context>
</TS>
