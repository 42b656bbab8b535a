<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>FuseDiff</name>
    <message>
      <source>ARGS-Diff HSI-MSI fusion (self-learning subspace diffusion)</source>
      <translation>ARGS-Diff 高光谱-多光谱融合（自学习子空间扩散）</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using ARGS-Diff: the result is modelled as coefficient maps times a few basis spectra; two small diffusion models trained on the scene itself (spectra of the HSI, patches of the MSI) are sampled under guidance by both inputs, with an adaptive residual step. No training data is needed. By default both inputs are denoised first and the sampling starts, at a low noise level, from the same subspace estimate as SDP's.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 20 s for MSI crops of 72-96 px at ratio 4 on 1 thread (measured, including training the two models); about 2.5 minutes for a 480 x 480 MSI with a 198-band HSI on 2 threads (measured); it grows with the number of pixels. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Where its quality comes from: the subspace warm start it shares with SDP. The diffusion sampling that follows is about neutral in the project's ablation (-0.4 to -0.07 dB against the warm start alone on three hyperspectral scenes) and takes most of the runtime.&lt;/p&gt;&lt;p&gt;Reference: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</source>
      <translation>&lt;p&gt;使用 ARGS-Diff 将低分辨率高光谱栅格（HSI）与高分辨率多光谱栅格（MSI）融合：结果被建模为系数图乘以少量基光谱；在场景本身上训练的两个小型扩散模型（HSI 的光谱、MSI 的图像块）在两个输入的引导下采样，并带有自适应残差步骤。无需训练数据。默认先对两个输入去噪，采样在较低噪声水平上从与 SDP 相同的子空间估计开始。&lt;/p&gt;&lt;p&gt;输入：覆盖同一区域的多波段 HSI（数十到数百个波段）和少波段 MSI（例如 3 到 8 个波段）；两者像元大小之比为 2 或以上的整数（例如 4；RATIO 可覆盖该值）。数值可以采用任意辐射单位（内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出各 MSI 波段在 HSI 波段上的响应（每个 MSI 波段一行）；留空：与 HSI 的模糊一样由输入对估计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 MSI 网格上的 HSI 波段，采用 HSI 的辐射尺度。CPU 运行时间：在 1 个线程上处理 72-96 像素、比例为 4 的 MSI 裁剪块约需 20 秒（实测，含两个模型的训练）；480 x 480 的 MSI 配 198 波段的 HSI 在 2 个线程上约需 2.5 分钟（实测）；随像素数增加。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;质量来源：与 SDP 共用的子空间热启动。在本项目的消融实验中，其后的扩散采样大致中性（在三个高光谱场景上比仅热启动低 0.07 到 0.4 dB），却占用了大部分运行时间。&lt;/p&gt;&lt;p&gt;参考文献：Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Assess fusion quality</source>
      <translation>评估融合质量</translation>
    </message>
    <message>
      <source>Simulation and assessment</source>
      <translation>模拟与评估</translation>
    </message>
    <message>
      <source>Reading the rasters</source>
      <translation>正在读取栅格</translation>
    </message>
    <message>
      <source>FuseDiff quality report (reference-based)</source>
      <translation>FuseDiff 质量报告（有参考）</translation>
    </message>
    <message>
      <source>Writing the report</source>
      <translation>正在写入报告</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Fused raster</source>
      <translation>融合栅格</translation>
    </message>
    <message>
      <source>Reference raster (for reference-based metrics)</source>
      <translation>参考栅格（用于有参考指标）</translation>
    </message>
    <message>
      <source>Low-resolution spectral raster that was fused (for no-reference metrics)</source>
      <translation>参与融合的低分辨率光谱栅格（用于无参考指标）</translation>
    </message>
    <message>
      <source>High-resolution raster that was fused (for no-reference metrics)</source>
      <translation>参与融合的高分辨率栅格（用于无参考指标）</translation>
    </message>
    <message>
      <source>MS bands that were fused (empty: all)</source>
      <translation>参与融合的 MS 波段（留空：全部）</translation>
    </message>
    <message>
      <source>The bands of MS that the fusion used (its MS_BANDS), for the no-reference metrics.</source>
      <translation>融合所使用的 MS 波段（即其 MS_BANDS），用于无参考指标。</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>报告</translation>
    </message>
    <message>
      <source>HTML files (*.html);;CSV files (*.csv)</source>
      <translation>HTML 文件 (*.html);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <source>FuseDiff quality report (no reference)</source>
      <translation>FuseDiff 质量报告（无参考）</translation>
    </message>
    <message>
      <source>FUSED and REFERENCE have no pixel valid in both.</source>
      <translation>FUSED 与 REFERENCE 没有同时有效的像素。</translation>
    </message>
    <message>
      <source>The reference's values are all zero or negative.</source>
      <translation>参考栅格的值全部为零或负数。</translation>
    </message>
    <message>
      <source>FUSED does not cover the PAN/MS overlap on the PAN's pixel grid; give the output of a fusion of these MS and PAN rasters.</source>
      <translation>FUSED 未在 PAN 的像元网格上覆盖 PAN/MS 的重叠区域；请提供这两个 MS 和 PAN 栅格的融合结果。</translation>
    </message>
    <message>
      <source>Give a REFERENCE raster for reference-based metrics, or both MS and PAN for no-reference metrics.</source>
      <translation>请提供 REFERENCE 栅格以计算有参考指标，或同时提供 MS 和 PAN 以计算无参考指标。</translation>
    </message>
    <message>
      <source>Set RATIO (the fusion's resolution ratio, used for ERGAS and the border), or give the MS raster to measure it.</source>
      <translation>请设置 RATIO（融合的分辨率比，用于 ERGAS 和边缘），或提供 MS 栅格以测量它。</translation>
    </message>
    <message>
      <source>FUSED has {0} band(s) but REFERENCE has {1}; they must have the same bands.</source>
      <translation>FUSED 有 {0} 个波段，而 REFERENCE 有 {1} 个；它们必须具有相同的波段。</translation>
    </message>
    <message>
      <source>Ratio from the pixel sizes: {0:.3f}</source>
      <translation>由像元大小得到的比例：{0:.3f}</translation>
    </message>
    <message>
      <source>{0} nodata pixel(s) are left out of the comparison.</source>
      <translation>比较时忽略了 {0} 个无数据像素。</translation>
    </message>
    <message>
      <source>FUSED has {0} band(s) but MS has {1}; they must have the same bands.</source>
      <translation>FUSED 有 {0} 个波段，而 MS 有 {1} 个；它们必须具有相同的波段。</translation>
    </message>
    <message>
      <source>FUSED has {0} nodata pixel(s); they are filled with the band means for the metrics.</source>
      <translation>FUSED 有 {0} 个无数据像素；计算指标时以各波段均值填充。</translation>
    </message>
    <message>
      <source>The report path '{0}' is one of the inputs; choose another path.</source>
      <translation>报告路径“{0}”是输入之一；请选择其他路径。</translation>
    </message>
    <message>
      <source>FUSED ({0} x {1} px) and REFERENCE ({2} x {3} px) are not on the same pixel grid; they must share CRS, pixel size and pixel alignment.</source>
      <translation>FUSED（{0} x {1} 像素）与 REFERENCE（{2} x {3} 像素）不在同一像元网格上；它们必须具有相同的坐标参考系、像元大小和像元对齐。</translation>
    </message>
    <message>
      <source>PSNR (dB)</source>
      <translation>PSNR（dB）</translation>
    </message>
    <message>
      <source>SSIM</source>
      <translation>SSIM</translation>
    </message>
    <message>
      <source>SAM (degrees)</source>
      <translation>SAM（度）</translation>
    </message>
    <message>
      <source>ERGAS</source>
      <translation>ERGAS</translation>
    </message>
    <message>
      <source>RMSE (scaled to [0, 1])</source>
      <translation>RMSE（缩放到 [0, 1]）</translation>
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
      <translation>&lt;p&gt;测量融合栅格的质量。FUSED、REFERENCE 与 MS 具有相同顺序的相同波段，并采用同一辐射单位（任意：DN、辐亮度、反射率）。&lt;/p&gt;&lt;p&gt;有&lt;b&gt;参考（REFERENCE）&lt;/b&gt;时（例如“模拟融合对”的输入）：在两幅栅格都除以参考的最大值后，去除 RATIO 个像素宽的边缘，计算 PSNR（dB）、SSIM、SAM（度）、ERGAS、RMSE、Q2n（Q4/Q8）和 SCC。FUSED 与 REFERENCE 必须位于同一网格。给出 MS 时，RATIO 默认为 MS 与 FUSED 的像元大小之比。&lt;/p&gt;&lt;p&gt;无参考时，根据参与融合的低分辨率 &lt;b&gt;MS&lt;/b&gt; 和 &lt;b&gt;PAN&lt;/b&gt;：在全分辨率下计算 D_lambda、D_s、QNR 和 HQNR（Alparone 等 2008；Khan 等 2009）。FUSED 必须在 PAN 网格上覆盖 PAN/MS 的重叠区域。&lt;/p&gt;&lt;p&gt;结果输出到日志，写入 OUTPUT_REPORT（HTML；文件名以 .csv 结尾时为 CSV），并作为数值输出返回供图形建模器使用。&lt;/p&gt;&lt;p&gt;运行时间：在 CPU 上处理 2000 x 2000 的栅格需数秒；始终在 CPU 上运行（NumPy；不使用 GPU）。&lt;/p&gt;&lt;p&gt;参考文献：Wang, Bovik, Sheikh, Simoncelli，IEEE TIP 2004（SSIM）；Yuhas, Goetz, Boardman，JPL Airborne Geoscience Workshop 1992（SAM）；Wald 2002（ERGAS）；Garzelli &amp;amp; Nencini，IEEE GRSL 2009（Q2n）；Zhou, Civco, Silander，IJRS 1998（SCC）；Alparone 等，PE&amp;amp;RS 2008（D_lambda、D_s、QNR）；Khan, Alparone, Chanussot，IEEE TGRS 2009（HQNR 中基于 MTF 的 D_lambda）；Aiazzi 等，Proc. SPIE 2014（HQNR）；Vivone 等，IEEE TGRS 2015（评估协议）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Batch: many scenes on a Dask cluster</source>
      <translation>批处理：在 Dask 集群上处理多个场景</translation>
    </message>
    <message>
      <source>Batch and clusters</source>
      <translation>批处理与集群</translation>
    </message>
    <message>
      <source>Algorithm to run on every scene</source>
      <translation>对每个场景运行的算法</translation>
    </message>
    <message>
      <source>Manifest (CSV: a header of parameter names, one scene per line)</source>
      <translation>清单（CSV：一行参数名表头，每行一个场景）</translation>
    </message>
    <message>
      <source>Settings for every scene (NAME=value;NAME=value)</source>
      <translation>所有场景的设置（NAME=值;NAME=值）</translation>
    </message>
    <message>
      <source>Dask scheduler address (empty: this computer)</source>
      <translation>Dask 调度器地址（留空：本机）</translation>
    </message>
    <message>
      <source>Worker processes on this computer (0: one per core)</source>
      <translation>本机上的工作进程数（0：每个核心一个）</translation>
    </message>
    <message>
      <source>Threads per worker on this computer</source>
      <translation>本机上每个工作进程的线程数</translation>
    </message>
    <message>
      <source>Run report (JSON)</source>
      <translation>运行报告（JSON）</translation>
    </message>
    <message>
      <source>&lt;p&gt;Runs one FuseDiff algorithm on every scene listed in a CSV manifest, in parallel on this computer's cores or on a Dask cluster (SLURM, Kubernetes, ...), so that a campaign of many scenes does not run one after another.&lt;/p&gt;&lt;p&gt;&lt;b&gt;MANIFEST&lt;/b&gt;: a CSV file whose first line names parameters of the algorithm, exactly as in its dialog's 'Advanced / Copy as qgis_process command' (e.g. &lt;code&gt;MS,PAN,OUTPUT&lt;/code&gt;, plus any per-scene setting); each further line is one scene. Relative paths are relative to the manifest's folder. &lt;b&gt;SETTINGS&lt;/b&gt;: values for every scene, as &lt;code&gt;NAME=value&lt;/code&gt; separated by semicolons (e.g. &lt;code&gt;STEPS=4;DEVICE=cpu&lt;/code&gt;); a scene's own cell wins.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SCHEDULER&lt;/b&gt;: the address of a running Dask scheduler (e.g. &lt;code&gt;tcp://cluster-head:8786&lt;/code&gt;); empty: WORKERS processes of THREADS_PER_WORKER threads on this computer. Workers must see the input and output files at the same paths and need FuseDiff installed (&lt;code&gt;pip install fusediff[dask]&lt;/code&gt;).&lt;/p&gt;&lt;p&gt;A scene whose output is already complete (a &lt;code&gt;.fusediff.json&lt;/code&gt; file next to it records the parameters and a checksum) is skipped, so an interrupted campaign resumes where it stopped. A scene that fails (a missing file, wrong bands) fails alone: the others complete. &lt;b&gt;REPORT&lt;/b&gt;: a JSON file with each scene's status, seconds, worker and error.&lt;/p&gt;&lt;p&gt;Inputs, bands, ratio and radiometric units: as the chosen algorithm expects (see its help); each scene is checked and fused exactly as a run of that algorithm.&lt;/p&gt;&lt;p&gt;Runtime: about the sum of the scenes' runtimes divided by the number of workers (plus a few seconds to start them); measured with 2 single-threaded workers on 2 cores in bench/scale.md. GPU: scenes of the PyTorch methods run on workers that declare a GPU (&lt;code&gt;dask worker --resources GPU=1&lt;/code&gt;), on the CPU workers otherwise. Set up clusters as in docs/clusters.md.&lt;/p&gt;&lt;p&gt;Requires the Python packages dask and distributed (&lt;code&gt;pip install fusediff[dask]&lt;/code&gt;).&lt;/p&gt;&lt;p&gt;Reference: Rocklin, Dask: Parallel computation with blocked algorithms and task scheduling, Proceedings of the 14th Python in Science Conference (SciPy 2015).&lt;/p&gt;</source>
      <translation>&lt;p&gt;对 CSV 清单中列出的每个场景运行同一个 FuseDiff 算法，在本机的多个核心上或在 Dask 集群（SLURM、Kubernetes 等）上并行执行，使包含大量场景的任务不必逐个运行。&lt;/p&gt;&lt;p&gt;&lt;b&gt;MANIFEST&lt;/b&gt;：一个 CSV 文件，第一行写出算法的参数名，与该算法对话框中“高级 / 复制为 qgis_process 命令”中的名称完全一致（例如 &lt;code&gt;MS,PAN,OUTPUT&lt;/code&gt;，以及任何按场景变化的设置）；其后每行是一个场景。相对路径相对于清单所在的文件夹。&lt;b&gt;SETTINGS&lt;/b&gt;：适用于所有场景的值，写作 &lt;code&gt;NAME=值&lt;/code&gt;，以分号分隔（例如 &lt;code&gt;STEPS=4;DEVICE=cpu&lt;/code&gt;）；场景自己的单元格优先。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SCHEDULER&lt;/b&gt;：正在运行的 Dask 调度器的地址（例如 &lt;code&gt;tcp://cluster-head:8786&lt;/code&gt;）；留空：在本机上启动 WORKERS 个进程，每个进程 THREADS_PER_WORKER 个线程。工作进程必须能以相同路径访问输入和输出文件，并已安装 FuseDiff（&lt;code&gt;pip install fusediff[dask]&lt;/code&gt;）。&lt;/p&gt;&lt;p&gt;输出已完整的场景（旁边的 &lt;code&gt;.fusediff.json&lt;/code&gt; 文件记录了参数和校验和）会被跳过，因此中断的任务会从中断处继续。失败的场景（缺少文件、波段不对）单独失败：其他场景照常完成。&lt;b&gt;REPORT&lt;/b&gt;：一个 JSON 文件，记录每个场景的状态、秒数、工作进程和错误。&lt;/p&gt;&lt;p&gt;输入、波段、比例（ratio）和辐射单位（unit）：与所选算法的要求相同（见其帮助）；每个场景的检查和融合与单独运行该算法完全相同。&lt;/p&gt;&lt;p&gt;运行时间：约为各场景运行时间之和除以工作进程数（另加启动它们的几秒钟）；在 2 个核心上用 2 个单线程工作进程测得的结果见 bench/scale.md。GPU：PyTorch 方法的场景在声明了 GPU 的工作进程上运行（&lt;code&gt;dask worker --resources GPU=1&lt;/code&gt;），否则在 CPU 工作进程上运行。集群的配置见 docs/clusters.md。&lt;/p&gt;&lt;p&gt;需要 Python 包 dask 和 distributed（&lt;code&gt;pip install fusediff[dask]&lt;/code&gt;）。&lt;/p&gt;&lt;p&gt;参考文献：Rocklin, Dask: Parallel computation with blocked algorithms and task scheduling, Proceedings of the 14th Python in Science Conference (SciPy 2015).&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Classical fusion (Brovey, GSA, MTF-GLP-HPM, CNMF)</source>
      <translation>经典融合（Brovey、GSA、MTF-GLP-HPM、CNMF）</translation>
    </message>
    <message>
      <source>Classical fusion</source>
      <translation>经典融合</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>方法</translation>
    </message>
    <message>
      <source>Low-resolution spectral raster (MS / HSI)</source>
      <translation>低分辨率光谱栅格（MS / HSI）</translation>
    </message>
    <message>
      <source>High-resolution raster (PAN; MSI for CNMF)</source>
      <translation>高分辨率栅格（PAN；CNMF 时为 MSI）</translation>
    </message>
    <message>
      <source>PAN band (when the high-resolution raster has several bands)</source>
      <translation>PAN 波段（当高分辨率栅格有多个波段时）</translation>
    </message>
    <message>
      <source>Method: {0}</source>
      <translation>方法：{0}</translation>
    </message>
    <message>
      <source>Fusing with {0}</source>
      <translation>正在用 {0} 融合</translation>
    </message>
    <message>
      <source>Brovey transform</source>
      <translation>Brovey 变换</translation>
    </message>
    <message>
      <source>GSA (adaptive Gram-Schmidt)</source>
      <translation>GSA（自适应 Gram-Schmidt）</translation>
    </message>
    <message>
      <source>MTF-GLP-HPM (MTF-matched Laplacian pyramid, high-pass modulation)</source>
      <translation>MTF-GLP-HPM（MTF 匹配的拉普拉斯金字塔，高通调制）</translation>
    </message>
    <message>
      <source>CNMF (coupled non-negative matrix factorisation; HSI + MSI)</source>
      <translation>CNMF（耦合非负矩阵分解；HSI + MSI）</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution spectral raster with a high-resolution raster using a classical method; the usual baselines to compare the diffusion methods against.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: Brovey, GSA and MTF-GLP-HPM sharpen a multispectral or hyperspectral raster (MS) with a one-band panchromatic raster (PAN). CNMF fuses a hyperspectral raster (MS) with a multispectral raster of several bands (PAN).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MS&lt;/b&gt;: the low-resolution raster (2 bands or more). &lt;b&gt;PAN&lt;/b&gt;: the high-resolution raster; a PAN with several bands needs PAN band (except for CNMF). The inputs are aligned by georeference (reprojected when the CRS differ); the ratio comes from the pixel sizes unless RATIO is set (a whole number, 2 or more). Nodata pixels of either input are written as nodata.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale.&lt;/p&gt;&lt;p&gt;Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance); the scene is scaled internally and the output is in the MS's unit.&lt;/p&gt;&lt;p&gt;Runtime (CPU only; no GPU is used): seconds for Brovey, GSA and MTF-GLP-HPM on a 2000 x 2000 PAN; a 12000 x 12000 PAN with a 4-band MS takes about 3 minutes of one CPU core with GSA, processed in tiles with bounded memory (under 3 GB). CNMF takes minutes on large hyperspectral scenes.&lt;/p&gt;&lt;p&gt;References: Gillespie et al. 1987 (Brovey); Aiazzi, Baronti, Selva, IEEE TGRS 2007 (GSA); Aiazzi et al., PE&amp;amp;RS 2006 and Vivone et al., IEEE TGRS 2015 (MTF-GLP-HPM); Yokoya, Yairi, Iwasaki, IEEE TGRS 2012 (CNMF).&lt;/p&gt;</source>
      <translation>&lt;p&gt;使用经典方法将低分辨率光谱栅格与高分辨率栅格融合；这些方法是与扩散方法比较的常用基准。&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;：Brovey、GSA 和 MTF-GLP-HPM 用单波段全色栅格（PAN）锐化多光谱或高光谱栅格（MS）。CNMF 将高光谱栅格（MS）与多波段的多光谱栅格（PAN）融合。&lt;/p&gt;&lt;p&gt;&lt;b&gt;MS&lt;/b&gt;：低分辨率栅格（2 个或更多波段）。&lt;b&gt;PAN&lt;/b&gt;：高分辨率栅格；多波段的 PAN 需要指定 PAN 波段（CNMF 除外）。输入按地理参考对齐（坐标参考系不同时会重投影）；除非设置了 RATIO（2 或更大的整数），比例由像元大小确定。任一输入中的无数据像素在输出中写为无数据。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 PAN 网格上的 MS 波段，采用 MS 的辐射尺度。&lt;/p&gt;&lt;p&gt;数值可以是任意辐射单位（任意位深的 DN、辐亮度、反射率）；场景在内部进行缩放，输出采用 MS 的单位。&lt;/p&gt;&lt;p&gt;运行时间（仅 CPU，不使用 GPU）：Brovey、GSA 和 MTF-GLP-HPM 处理 2000 x 2000 的 PAN 需数秒；12000 x 12000 的 PAN 加 4 波段 MS 用 GSA 在单个 CPU 核上约需 3 分钟，按分块处理，内存受限（低于 3 GB）。CNMF 处理大型高光谱场景需要数分钟。&lt;/p&gt;&lt;p&gt;参考文献：Gillespie 等 1987（Brovey）；Aiazzi, Baronti, Selva, IEEE TGRS 2007（GSA）；Aiazzi 等, PE&amp;amp;RS 2006 和 Vivone 等, IEEE TGRS 2015（MTF-GLP-HPM）；Yokoya, Yairi, Iwasaki, IEEE TGRS 2012（CNMF）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Resolution ratio (empty: from the pixel sizes)</source>
      <translation>分辨率比（留空：由像元大小确定）</translation>
    </message>
    <message>
      <source>Ratio of the low-resolution pixel size to the high-resolution one, e.g. 4 for 2 m multispectral and 0.5 m panchromatic pixels. Leave empty to take it from the rasters' pixel sizes.</source>
      <translation>低分辨率像元大小与高分辨率像元大小之比，例如 2 米多光谱像元和 0.5 米全色像元时为 4。留空则由栅格的像元大小确定。</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>auto uses a CUDA GPU when PyTorch sees one (then Apple MPS), else the CPU.</source>
      <translation>auto：PyTorch 检测到 CUDA GPU 时使用 GPU（其次为 Apple MPS），否则使用 CPU。</translation>
    </message>
    <message>
      <source>Random seed</source>
      <translation>随机种子</translation>
    </message>
    <message>
      <source>The same seed and inputs give the same result.</source>
      <translation>相同的种子和输入得到相同的结果。</translation>
    </message>
    <message>
      <source>Output data type</source>
      <translation>输出数据类型</translation>
    </message>
    <message>
      <source>Float32 (default); the spectral input's own type, values rounded and clipped to its range; or UInt16 with a per-band scale and offset chosen from the band's range, so that GIS software reads values in the input's units (within half a quantisation step). Nodata is kept in every case.</source>
      <translation>Float32（默认）；光谱输入自身的类型，数值四舍五入并裁剪到其取值范围；或 UInt16，按波段根据其取值范围选择比例和偏移，使 GIS 软件以输入的单位读取数值（误差在半个量化步长以内）。任何情况下都保留无数据值。</translation>
    </message>
    <message>
      <source>Cloud-Optimized GeoTIFF</source>
      <translation>云优化 GeoTIFF</translation>
    </message>
    <message>
      <source>Write a Cloud-Optimized GeoTIFF (GDAL's COG driver, with overviews); otherwise a tiled GeoTIFF.</source>
      <translation>写出云优化 GeoTIFF（GDAL 的 COG 驱动，带金字塔概览）；否则写出分块 GeoTIFF。</translation>
    </message>
    <message>
      <source>Compression</source>
      <translation>压缩</translation>
    </message>
    <message>
      <source>DEFLATE (default, read everywhere) or ZSTD (faster, needs GDAL 2.3 or newer).</source>
      <translation>DEFLATE（默认，处处可读）或 ZSTD（更快，需要 GDAL 2.3 或更新版本）。</translation>
    </message>
    <message>
      <source>Device: {0}; CPU threads: {1}.</source>
      <translation>设备：{0}；CPU 线程数：{1}。</translation>
    </message>
    <message>
      <source>Float32</source>
      <translation>Float32</translation>
    </message>
    <message>
      <source>Same type as the input (rounded and clipped to its range)</source>
      <translation>与输入相同的类型（四舍五入并裁剪到其取值范围）</translation>
    </message>
    <message>
      <source>UInt16 with scale/offset (values read back in the input's units)</source>
      <translation>带比例/偏移的 UInt16（读回时为输入的单位）</translation>
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
      <translation>高分辨率栅格的真实光谱响应（pyrsr 表），重采样到光谱栅格的波段波长（从其元数据读取）。其波段按名称（prepare_product 写出的 B2、B3……）或按数量匹配。优先于 SRF。</translation>
    </message>
    <message>
      <source>DM-ZS hyperspectral pansharpening (zero-shot diffusion)</source>
      <translation>DM-ZS 高光谱全色锐化（零样本扩散）</translation>
    </message>
    <message>
      <source>Hyperspectral pansharpening</source>
      <translation>高光谱全色锐化</translation>
    </message>
    <message>
      <source>Hyperspectral raster (HSI)</source>
      <translation>高光谱栅格（HSI）</translation>
    </message>
    <message>
      <source>Panchromatic raster (PAN)</source>
      <translation>全色栅格（PAN）</translation>
    </message>
    <message>
      <source>PAN spectral response CSV (empty: estimate)</source>
      <translation>PAN 光谱响应 CSV（留空：估计）</translation>
    </message>
    <message>
      <source>Diffusion prior</source>
      <translation>扩散先验</translation>
    </message>
    <message>
      <source>Prior checkpoint file</source>
      <translation>先验检查点文件</translation>
    </message>
    <message>
      <source>Sharpened raster</source>
      <translation>锐化栅格</translation>
    </message>
    <message>
      <source>Uncertainty (per-band standard deviation)</source>
      <translation>不确定性（逐波段标准差）</translation>
    </message>
    <message>
      <source>PRIOR is 'checkpoint file' but PRIOR_FILE is empty: choose a file.</source>
      <translation>PRIOR 为“检查点文件”，但 PRIOR_FILE 为空：请选择一个文件。</translation>
    </message>
    <message>
      <source>Bundled small prior (Landsat RGB)</source>
      <translation>内置小型先验（Landsat RGB）</translation>
    </message>
    <message>
      <source>Trained on this scene (slower)</source>
      <translation>在本场景上训练（较慢）</translation>
    </message>
    <message>
      <source>Checkpoint file (PRIOR_FILE)</source>
      <translation>检查点文件（PRIOR_FILE）</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a hyperspectral raster (HSI) with a panchromatic raster (PAN) using DM-ZS: a frozen 3-channel diffusion prior generates a detail image, guided by the inputs and by a small network trained on the scene itself at reduced scale (zero-shot); a neural spatial-spectral decomposition maps it to all HSI bands. No training data is needed.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and a one-band PAN covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 3 or 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the PAN's response over the HSI bands; empty: estimated from the pair. &lt;b&gt;PRIOR&lt;/b&gt;: the bundled small prior, one trained on this scene, or a checkpoint file (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; SR3-style U-Nets such as the PLRDiff/DM-ZS public prior load, a GPU is advised for those).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the PAN grid, in the HSI's radiometric scale. Runtime on a CPU with the bundled prior: about 1.5 minutes for a PAN of 92-96 px at ratio 4 on one thread (measured, including the training on the scene); about 10 minutes per 256 x 256 px tile of PAN with a 198-band HSI on 2 threads (measured), so large scenes take hours. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Quality and cost: on the three hyperspectral benchmark scenes it beats MTF-GLP-HPM by 0.6 to 1.0 dB PSNR (measured), at minutes of CPU time where MTF-GLP-HPM takes a fraction of a second; with its iterations reduced to run in seconds it no longer beats MTF-GLP-HPM (measured).&lt;/p&gt;&lt;p&gt;Reference: Xiao et al., hyperspectral pansharpening with pre-trained diffusion models, zero-shot guidance and NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</source>
      <translation>&lt;p&gt;使用 DM-ZS 以全色栅格（PAN）锐化高光谱栅格（HSI）：冻结的 3 通道扩散先验生成细节图像，由输入以及在场景本身降尺度数据上训练的小型网络（零样本）引导；神经空间-光谱分解将其映射到全部 HSI 波段。无需训练数据。&lt;/p&gt;&lt;p&gt;输入：覆盖同一区域的多波段 HSI（数十到数百个波段）和单波段 PAN；两者像元大小之比为 2 或以上的整数（例如 3 或 4；RATIO 可覆盖该值）。数值可以采用任意辐射单位（内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出 PAN 在 HSI 波段上的响应；留空：由输入对估计。&lt;b&gt;PRIOR&lt;/b&gt;：内置的小型先验、在本场景上训练的先验，或检查点文件（&lt;b&gt;PRIOR_FILE&lt;/b&gt;；可加载 SR3 风格的 U-Net，例如 PLRDiff/DM-ZS 公开的先验，建议对其使用 GPU）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 PAN 网格上的 HSI 波段，采用 HSI 的辐射尺度。使用内置先验时的 CPU 运行时间：在 1 个线程上处理 92-96 像素、比例为 4 的 PAN 约需 1.5 分钟（实测，含在场景上的训练）；在 2 个线程上，配 198 波段 HSI 时每个 256 x 256 PAN 像素的图块约需 10 分钟（实测），因此大场景需数小时。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;质量与开销：在基准的三个高光谱场景上，其 PSNR 比 MTF-GLP-HPM 高 0.6 到 1.0 dB（实测），但需要数分钟 CPU 时间，而 MTF-GLP-HPM 只需不到一秒；若把迭代次数减少到几秒内完成，它便不再优于 MTF-GLP-HPM（实测）。&lt;/p&gt;&lt;p&gt;参考文献：Xiao 等，基于预训练扩散模型、零样本引导和 NSSD 的高光谱全色锐化（CVPR）；Rui 等，PLRDiff，Information Fusion 2024。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>HSI-MSI fusion</source>
      <translation>高光谱-多光谱融合</translation>
    </message>
    <message>
      <source>Hyperspectral raster (HSI, low resolution)</source>
      <translation>高光谱栅格（HSI，低分辨率）</translation>
    </message>
    <message>
      <source>Multispectral raster (MSI, high resolution)</source>
      <translation>多光谱栅格（MSI，高分辨率）</translation>
    </message>
    <message>
      <source>MSI spectral response CSV (empty: estimate)</source>
      <translation>MSI 光谱响应 CSV（留空：估计）</translation>
    </message>
    <message>
      <source>Optional: a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the difference between the fused image and the upsampled low-resolution input (about 90 % of true values lie within +-1.645 sigma on data like the calibration's; it ranks pixels only weakly). Costs little; not written when empty.</source>
      <translation>可选：与输出同一网格的 Float32 栅格，逐像素逐波段给出经过校准的标准差，单位与输出相同，由融合图像与上采样的低分辨率输入之差得到（在与校准数据相似的数据上，约 90 % 的真实值落在 ±1.645 sigma 之内；对像素的排序能力较弱）。开销很小；留空则不写出。</translation>
    </message>
    <message>
      <source>KSDiff pansharpening (kernel-space latent diffusion, fast)</source>
      <translation>KSDiff 全色锐化（核空间潜在扩散，快速）</translation>
    </message>
    <message>
      <source>Latent sampling steps (DDIM)</source>
      <translation>潜在采样步数（DDIM）</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch and learns to refine an MTF-GLP-HPM fusion of the pair); an adapted model is averaged over the 8 flips and rotations of the image. Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU (measured on 2 cores): 0.06 s for 256 x 256 PAN pixels (about 30 times faster than ResPanDiff's 15 steps), about 1 megapixel of PAN per second on a 4000 x 4000 scene (1.4 at model level), plus the adaptation (0.1-0.3 s per iteration; an adapted model then sharpens 8 times slower); on a GPU several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Where its quality comes from (the project's ablation on Landsat-7, ratios 2 and 4): the trained pansharpener network. The same network without the code that the diffusion model samples scores the same; the diffusion stage costs little, since the model runs once per image.&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation>&lt;p&gt;使用 KSDiff 以全色栅格（PAN）锐化多光谱栅格（MS）：一个小型潜在扩散模型由 PAN 和 MS 采样出一个编码（在 256 个数上进行几步 DDIM），该编码为锐化网络的卷积核生成逐图像的调制（Tucker 形式），随后锐化网络（ConvNeXt U-Net）只运行一次。比像素空间扩散快得多。&lt;/p&gt;&lt;p&gt;输入：多光谱栅格 MS（内置权重需要 4 个波段）和覆盖同一区域的单波段 PAN，PAN 像元小 2 倍或 4 倍（比例由像元大小得出；RATIO 可覆盖该值）。数值可以采用任意辐射单位（任意位深的 DN、辐亮度、反射率；内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：随附权重在 Landsat-7 上训练（4 个波段，顺序为蓝、绿、红、近红外；比例 2 和 4）。用 &lt;b&gt;MS_BANDS&lt;/b&gt; 选择并排列 MS 波段（例如存储顺序为红、绿、蓝、近红外的文件用 3,2,1,4）。&lt;b&gt;WEIGHTS_FILE&lt;/b&gt; 使用由 &lt;i&gt;fusediff:train&lt;/i&gt;（METHOD KSDiff）训练的权重。&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 时先在再次降质的输入影像对上拟合模型（Wald 协议）：用于其他传感器或波段数（例如 8 波段 WorldView-3；此时从头拟合模型，它学习细化该影像对的 MTF-GLP-HPM 融合结果）；适应后的模型会对影像的 8 种翻转和旋转结果取平均。否则，波段数或比例与权重不符即为错误。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，MS 波段位于 PAN 网格上，保持 MS 的辐射尺度。CPU 上的运行时间（在 2 核上实测）：256 x 256 PAN 像素 0.06 秒（比 ResPanDiff 的 15 步快约 30 倍），4000 x 4000 场景每秒约 1 百万 PAN 像素（模型层面 1.4），另加适应时间（每次迭代 0.1-0.3 秒；适应后的模型锐化速度慢 8 倍）；在 GPU 上快数倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;质量来源（本项目在 Landsat-7 上、比例 2 和 4 的消融实验）：训练好的全色锐化网络。不使用扩散模型采样的编码的同一网络得分相同；扩散阶段开销很小，因为模型每幅图像只运行一次。&lt;/p&gt;&lt;p&gt;参考文献：Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025)。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Pansharpening</source>
      <translation>全色锐化</translation>
    </message>
    <message>
      <source>Uncertainty samples (K)</source>
      <translation>不确定性样本数 (K)</translation>
    </message>
    <message>
      <source>Multispectral raster (MS)</source>
      <translation>多光谱栅格（MS）</translation>
    </message>
    <message>
      <source>MS bands, in the weights' order (empty: all, as stored)</source>
      <translation>MS 波段，按权重的顺序（留空：全部，按存储顺序）</translation>
    </message>
    <message>
      <source>Weights</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>Weights file (overrides WEIGHTS)</source>
      <translation>权重文件（覆盖 WEIGHTS）</translation>
    </message>
    <message>
      <source>Scene adaptation iterations (0 = none)</source>
      <translation>场景适配迭代次数（0 = 不适配）</translation>
    </message>
    <message>
      <source>Fit the model on the input pair degraded once more before sharpening.</source>
      <translation>锐化前先在再降质一次的输入对上拟合模型。</translation>
    </message>
    <message>
      <source>{0} sampling steps; scene adaptation iterations: {1}.</source>
      <translation>{0} 个采样步；场景适配迭代次数：{1}。</translation>
    </message>
    <message>
      <source>Bundled Landsat-7 weights for the ratio (2 or 4)</source>
      <translation>与比例对应的内置 Landsat-7 权重（2 或 4）</translation>
    </message>
    <message>
      <source>Bundled Landsat-7, ratio 2</source>
      <translation>内置 Landsat-7，比例 2</translation>
    </message>
    <message>
      <source>Bundled Landsat-7, ratio 4</source>
      <translation>内置 Landsat-7，比例 4</translation>
    </message>
    <message>
      <source>Samples drawn for the UNCERTAINTY output: the network on flips/rotations of the inputs, plus the MTF-GLP-HPM fusion. It takes up to K times as long as the sharpened raster alone; the calibration was fitted with the default K.</source>
      <translation>UNCERTAINTY 输出所用的样本：网络在输入的翻转/旋转上的结果，外加 MTF-GLP-HPM 融合。耗时最多为单独生成锐化栅格的 K 倍；校准使用默认的 K。</translation>
    </message>
    <message>
      <source>Optional: a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units (about 90 % of true values lie within +-1.645 sigma on data like the calibration's). Not written, and no cost, when empty.</source>
      <translation>可选：与输出同一网格的 Float32 栅格，逐像素逐波段给出经过校准的标准差，单位与输出相同（在与校准数据相似的数据上，约 90 % 的真实值落在 ±1.645 sigma 之内）。留空则不写出，也不增加耗时。</translation>
    </message>
    <message>
      <source>Prepare a sensor product (Landsat, Sentinel-2, PRISMA, EnMAP)</source>
      <translation>准备传感器产品（Landsat、Sentinel-2、PRISMA、EnMAP）</translation>
    </message>
    <message>
      <source>Products</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Product (MTL, SAFE folder or MTD XML, .he5, METADATA.XML)</source>
      <translation>产品（MTL、SAFE 文件夹或 MTD XML、.he5、METADATA.XML）</translation>
    </message>
    <message>
      <source>The product's metadata file (or the Sentinel-2 .SAFE folder).</source>
      <translation>产品的元数据文件（或 Sentinel-2 的 .SAFE 文件夹）。</translation>
    </message>
    <message>
      <source>Landsat Level-1: correct for the sun elevation</source>
      <translation>Landsat Level-1：校正太阳高度角</translation>
    </message>
    <message>
      <source>Divide the top-of-atmosphere reflectance by sin(SUN_ELEVATION) of the MTL.</source>
      <translation>将大气层顶反射率除以 MTL 中的 sin(SUN_ELEVATION)。</translation>
    </message>
    <message>
      <source>Spectral stack (low resolution)</source>
      <translation>光谱数据堆栈（低分辨率）</translation>
    </message>
    <message>
      <source>High-resolution raster (PAN / 10 m bands)</source>
      <translation>高分辨率栅格（全色 / 10 米波段）</translation>
    </message>
    <message>
      <source>Sentinel-2 60 m bands (B1, B9)</source>
      <translation>Sentinel-2 的 60 米波段（B1、B9）</translation>
    </message>
    <message>
      <source>Product: {0} {1} ({2}).</source>
      <translation>产品：{0} {1}（{2}）。</translation>
    </message>
    <message>
      <source>{0}: {1}</source>
      <translation>{0}：{1}</translation>
    </message>
    <message>
      <source>This product has no bands for {0}; nothing written there.</source>
      <translation>该产品没有 {0} 的波段；不写出任何内容。</translation>
    </message>
    <message>
      <source>&lt;p&gt;Turns a satellite product into the rasters the fusion algorithms take: values converted to reflectance, bands named and ordered, wavelengths and FWHM in the band metadata, nodata set.&lt;/p&gt;&lt;p&gt;&lt;b&gt;PRODUCT&lt;/b&gt;: a Landsat 4-9 Collection 2 &lt;i&gt;*_MTL.txt&lt;/i&gt; (the band files beside it), a Sentinel-2 L1C/L2A &lt;i&gt;.SAFE&lt;/i&gt; folder or its &lt;i&gt;MTD_MSIL1C.xml&lt;/i&gt; / &lt;i&gt;MTD_MSIL2A.xml&lt;/i&gt;, a PRISMA L2D &lt;i&gt;.he5&lt;/i&gt; or an EnMAP L2A &lt;i&gt;*-METADATA.XML&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_LOWRES&lt;/b&gt;: the spectral stack (Landsat: the reflective 30 m bands B1-B7, or B1-B5, B7 for TM/ETM+; Sentinel-2: B5, B6, B7, B8A, B11, B12 at 20 m; PRISMA: the VNIR + SWIR cube at 30 m; EnMAP: its bands at 30 m). &lt;b&gt;OUTPUT_HIGHRES&lt;/b&gt;: the product's own high-resolution raster on its exact grid (Landsat 7-9: the 15 m pan B8; Sentinel-2: B2, B3, B4, B8 at 10 m; PRISMA: the 5 m PAN; EnMAP has none). &lt;b&gt;OUTPUT_60M&lt;/b&gt;: Sentinel-2's B1, B9.&lt;/p&gt;&lt;p&gt;A name ending in &lt;i&gt;.vrt&lt;/i&gt; writes a virtual raster (no pixels copied; Float32 values with the product's scale and offset applied); &lt;i&gt;.tif&lt;/i&gt; writes a Float32 GeoTIFF. PRISMA's cubes are always copied once into a GeoTIFF (beside the .vrt), since a VRT cannot reference them with their map grid.&lt;/p&gt;&lt;p&gt;Reflectance: Landsat Level-1 top-of-atmosphere reflectance (REFLECTANCE_MULT x DN + REFLECTANCE_ADD), divided by the sine of the sun elevation when SUN_ELEVATION is set and the MTL has it; Level-2 surface reflectance. Sentinel-2 (DN + offset) / quantification value (RADIO_ADD_OFFSET / BOA_ADD_OFFSET since processing baseline 04.00). PRISMA L2ScaleMin + DN x (L2ScaleMax - L2ScaleMin) / 65535. EnMAP DN x gain + offset.&lt;/p&gt;&lt;p&gt;The fusion algorithms take the outputs directly (the ratio comes from the pixel sizes: 2 for Landsat and Sentinel-2 20 m / 10 m, 6 for PRISMA); pick bands with MS_BANDS, e.g. Landsat-8 B2..B5 are bands 2, 3, 4, 5 of OUTPUT_LOWRES. Values are in reflectance units (0-1).&lt;/p&gt;&lt;p&gt;Runtime: under a second for VRT outputs (only metadata is read; measured 0.6 s for a Landsat-8 product); a GeoTIFF output or a PRISMA cube copies the pixels (seconds per gigabyte). No GPU is used.&lt;/p&gt;&lt;p&gt;References: USGS, Landsat 8-9 Collection 2 Level 1 Data Format Control Book (LSDS-1822), 2021; ESA, Sentinel-2 Products Specification Document (S2-PDGS-TAS-DI-PSD), 2021; ASI, PRISMA Product Specifications, 2020; DLR, EnMAP Level 2A product specification, 2022.&lt;/p&gt;</source>
      <translation>&lt;p&gt;将卫星产品转换为融合算法所需的栅格：数值换算为反射率，波段命名并排序，波长和 FWHM 写入波段元数据，并设置无数据值。&lt;/p&gt;&lt;p&gt;&lt;b&gt;PRODUCT&lt;/b&gt;：Landsat 4-9 Collection 2 的 &lt;i&gt;*_MTL.txt&lt;/i&gt;（波段文件在其旁边）、Sentinel-2 L1C/L2A 的 &lt;i&gt;.SAFE&lt;/i&gt; 文件夹或其 &lt;i&gt;MTD_MSIL1C.xml&lt;/i&gt; / &lt;i&gt;MTD_MSIL2A.xml&lt;/i&gt;、PRISMA L2D 的 &lt;i&gt;.he5&lt;/i&gt;，或 EnMAP L2A 的 &lt;i&gt;*-METADATA.XML&lt;/i&gt;。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_LOWRES&lt;/b&gt;：光谱数据堆栈（Landsat：30 米反射波段 B1-B7，TM/ETM+ 为 B1-B5、B7；Sentinel-2：20 米的 B5、B6、B7、B8A、B11、B12；PRISMA：30 米的 VNIR + SWIR 数据立方体；EnMAP：30 米的各波段）。&lt;b&gt;OUTPUT_HIGHRES&lt;/b&gt;：产品自身的高分辨率栅格，位于其精确网格上（Landsat 7-9：15 米全色波段 B8；Sentinel-2：10 米的 B2、B3、B4、B8；PRISMA：5 米全色；EnMAP 没有）。&lt;b&gt;OUTPUT_60M&lt;/b&gt;：Sentinel-2 的 B1、B9。&lt;/p&gt;&lt;p&gt;以 &lt;i&gt;.vrt&lt;/i&gt; 结尾的名称写出虚拟栅格（不复制像素；Float32 数值，已应用产品的比例和偏移）；&lt;i&gt;.tif&lt;/i&gt; 写出 Float32 GeoTIFF。PRISMA 的数据立方体总是复制一次到 GeoTIFF（位于 .vrt 旁边），因为 VRT 无法连同其地图网格引用它们。&lt;/p&gt;&lt;p&gt;反射率：Landsat Level-1 大气层顶反射率（REFLECTANCE_MULT x DN + REFLECTANCE_ADD），当设置了 SUN_ELEVATION 且 MTL 中有该值时除以太阳高度角的正弦；Level-2 为地表反射率。Sentinel-2 为 (DN + 偏移) / 量化值（自处理基线 04.00 起使用 RADIO_ADD_OFFSET / BOA_ADD_OFFSET）。PRISMA 为 L2ScaleMin + DN x (L2ScaleMax - L2ScaleMin) / 65535。EnMAP 为 DN x 增益 + 偏移。&lt;/p&gt;&lt;p&gt;融合算法可直接使用这些输出（比率由像元大小得出：Landsat 和 Sentinel-2 20 米 / 10 米为 2，PRISMA 为 6）；用 MS_BANDS 选择波段，例如 Landsat-8 的 B2..B5 是 OUTPUT_LOWRES 的第 2、3、4、5 波段。数值为反射率单位（0-1）。&lt;/p&gt;&lt;p&gt;运行时间：VRT 输出不到一秒（只读取元数据；Landsat-8 产品实测 0.6 秒）；GeoTIFF 输出或 PRISMA 数据立方体需要复制像素（每 GB 数秒）。不使用 GPU。&lt;/p&gt;&lt;p&gt;参考文献：USGS, Landsat 8-9 Collection 2 Level 1 Data Format Control Book (LSDS-1822), 2021; ESA, Sentinel-2 Products Specification Document (S2-PDGS-TAS-DI-PSD), 2021; ASI, PRISMA Product Specifications, 2020; DLR, EnMAP Level 2A product specification, 2022.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>ResPanDiff pansharpening (residual diffusion, 15 steps)</source>
      <translation>ResPanDiff 全色锐化（残差扩散，15 步）</translation>
    </message>
    <message>
      <source>Sampling steps (at most 15)</source>
      <translation>采样步数（最多 15）</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using ResPanDiff, a diffusion model that infers the residual between the upsampled MS and the sharp result in 15 steps.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; instead.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch, 300-1000 iterations, minutes on a CPU). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU: about 4-5 s for a 400 x 400 PAN with 15 steps on 2 threads (measured); a tile of 448 x 448 PAN pixels costs about 1 CPU-second plus 0.6-1.2 CPU-seconds per step (fewer STEPS are faster), plus the adaptation. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Where its quality comes from: the trained network. With STEPS 1 the result equals that of 15 steps (SAM and ERGAS within 0.1 % on a Landsat-7 test scene, measured) at about a sixth of the time (0.8 s against 5 s for a 400 x 400 PAN on one thread); the sampling's noise barely changes the output.&lt;/p&gt;&lt;p&gt;Reference: Cao, Deng, Deng, ResPanDiff, arXiv 2501.05091 (2025); its network's condition modules follow DDIF (Cao et al., Information Fusion 2024).&lt;/p&gt;</source>
      <translation>&lt;p&gt;使用 ResPanDiff 以全色栅格（PAN）锐化多光谱栅格（MS）。ResPanDiff 是一种扩散模型，用 15 步推断上采样 MS 与锐化结果之间的残差。&lt;/p&gt;&lt;p&gt;输入：多光谱栅格 MS（内置权重需要 4 个波段）和覆盖同一区域的单波段 PAN，PAN 像元小 2 倍或 4 倍（比例由像元大小得出；RATIO 可覆盖该值）。数值可以采用任意辐射单位（任意位深的 DN、辐亮度、反射率；内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：内置权重在 Landsat-7 上训练（4 个波段，顺序为蓝、绿、红、近红外；比例 2 和比例 4）。用 &lt;b&gt;MS_BANDS&lt;/b&gt; 选择 MS 波段并排序（例如文件按红、绿、蓝、近红外存储时为 3,2,1,4）。&lt;b&gt;WEIGHTS_FILE&lt;/b&gt; 改用由 &lt;i&gt;fusediff:train&lt;/i&gt; 训练的权重。&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 时，先在再降质一次的输入对上拟合模型（Wald 协议）：适用于其他传感器或波段数（例如 8 波段的 WorldView-3；此时从零开始拟合模型，300-1000 次迭代，在 CPU 上需数分钟）。不进行适配时，波段数或比例与权重不一致会报错。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 PAN 网格上的 MS 波段，采用 MS 的辐射尺度。CPU 运行时间：在 2 个线程上以 15 步处理 400 x 400 的 PAN 约需 4-5 秒（实测）；每个 448 x 448 PAN 像素的图块约需 1 CPU 秒，外加每步 0.6-1.2 CPU 秒（STEPS 越少越快），另加适配时间。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;质量来源：训练好的网络。STEPS 为 1 时结果与 15 步相同（在一个 Landsat-7 测试场景上实测，SAM 和 ERGAS 相差不到 0.1%），耗时约为六分之一（单线程处理 400 x 400 的 PAN：0.8 秒对 5 秒）；采样噪声几乎不改变输出。&lt;/p&gt;&lt;p&gt;参考文献：Cao, Deng, Deng, ResPanDiff, arXiv 2501.05091 (2025)；网络的条件模块沿用 DDIF（Cao 等，Information Fusion 2024）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>SDP HSI-MSI fusion (spectral diffusion prior)</source>
      <translation>SDP 高光谱-多光谱融合（光谱扩散先验）</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using SDP: a small diffusion model of spectra is trained on the HSI's own pixels (no training data needed), then the high-resolution cube is solved for so that it explains both inputs while its spectra stay plausible under that model. It starts from a fast least-squares estimate in the HSI's spectral subspace, made after both inputs' sensor noise has been suppressed (DENOISE).&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 20 s to 2 min for MSI crops of 72-96 px at ratio 4 on 2 threads (measured, including training the prior); about 8 minutes for a 480 x 480 MSI with a 198-band HSI (measured); it grows with the number of pixels and bands. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Where its quality comes from: mostly the warm start. In the project's ablation on three hyperspectral scenes (known PSF and SRF, one thread) the warm start alone scores as well as the full method (Jasper Ridge: 37.90 dB against 37.89 dB) in a tenth of the CPU time (2.6 s against 29 s); the diffusion prior's steps change the result by hundredths of a dB.&lt;/p&gt;&lt;p&gt;Reference: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</source>
      <translation>&lt;p&gt;使用 SDP 将低分辨率高光谱栅格（HSI）与高分辨率多光谱栅格（MSI）融合：先在 HSI 自身的像素上训练一个小型光谱扩散模型（无需训练数据），然后求解高分辨率数据立方体，使其能解释两个输入，同时其光谱在该模型下保持合理。求解从 HSI 光谱子空间中的快速最小二乘估计开始，该估计在抑制两个输入的传感器噪声之后计算（DENOISE）。&lt;/p&gt;&lt;p&gt;输入：覆盖同一区域的多波段 HSI（数十到数百个波段）和少波段 MSI（例如 3 到 8 个波段）；两者像元大小之比为 2 或以上的整数（例如 4；RATIO 可覆盖该值）。数值可以采用任意辐射单位（内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出各 MSI 波段在 HSI 波段上的响应（每个 MSI 波段一行）；留空：与 HSI 的模糊一样由输入对估计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 MSI 网格上的 HSI 波段，采用 HSI 的辐射尺度。CPU 运行时间：在 2 个线程上处理 72-96 像素、比例为 4 的 MSI 裁剪块约需 20 秒到 2 分钟（实测，含先验训练）；480 x 480 的 MSI 配 198 波段的 HSI 约需 8 分钟（实测）；随像素数和波段数增加。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;质量来源：主要是热启动。在本项目对三个高光谱场景的消融实验中（已知 PSF 和 SRF，单线程），仅热启动的得分与完整方法相同（Jasper Ridge：37.90 dB 对 37.89 dB），CPU 时间只有十分之一（2.6 秒对 29 秒）；扩散先验的步骤只使结果变化百分之几 dB。&lt;/p&gt;&lt;p&gt;参考文献：Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Sentinel-2 20 m bands to 10 m</source>
      <translation>Sentinel-2：20 米波段锐化至 10 米</translation>
    </message>
    <message>
      <source>Sentinel-2</source>
      <translation>Sentinel-2</translation>
    </message>
    <message>
      <source>10 m bands (B2, B3, B4, B8)</source>
      <translation>10 米波段（B2、B3、B4、B8）</translation>
    </message>
    <message>
      <source>20 m bands (B5, B6, B7, B8A, B11, B12)</source>
      <translation>20 米波段（B5、B6、B7、B8A、B11、B12）</translation>
    </message>
    <message>
      <source>60 m bands (B1, B9)</source>
      <translation>60 米波段（B1、B9）</translation>
    </message>
    <message>
      <source>Sharpened 20 m bands (10 m grid)</source>
      <translation>锐化后的 20 米波段（10 米网格）</translation>
    </message>
    <message>
      <source>Writing the output</source>
      <translation>正在写入输出</translation>
    </message>
    <message>
      <source>The B60M raster's pixels are {0:.3g} times the B10M ones, but 6 is needed (60 m bands with 10 m bands).</source>
      <translation>B60M 栅格的像元是 B10M 像元的 {0:.3g} 倍，但需要 6 倍（60 米波段对 10 米波段）。</translation>
    </message>
    <message>
      <source>Wrote {0}</source>
      <translation>已写入 {0}</translation>
    </message>
    <message>
      <source>Sharpening the {0} bands.</source>
      <translation>正在锐化 {0} 波段。</translation>
    </message>
    <message>
      <source>Regression + high-pass injection (fast)</source>
      <translation>回归 + 高通注入（快速）</translation>
    </message>
    <message>
      <source>Learned on the scene (best quality)</source>
      <translation>在场景上学习（最佳质量）</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 35 % and ERGAS by 31 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, then the 60 m bands when B60M is given, with their band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: a full 10980 x 10980 tile (20 m bands) with the learned method took 7.5 minutes on 2 cores (15 CPU-minutes: about 2 minutes of training, then the tiles) with a peak of 2.3 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): the 60 m bands (B1, B9) in one raster, whose pixels must be 6 times the B10M ones; they are sharpened at ratio 6 by the same method, learned separately on them, and written after the 20 m bands (the product reader's 60 m output fits as it is). Nodata pixels of any input are written as nodata. On the benchmark crop (Wald's protocol at ratio 6) both methods lowered SAM and ERGAS about 3-fold against cubic upsampling; the learned method did not beat the regression there.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the difference between the learned method's output and the regression result (METHOD 0: between the regression result and cubic upsampling), calibrated on a Sentinel-2 crop by Wald's protocol so that about 90 % of true values lie within +-1.645 sigma (84 % on parts of the crop not used for calibration). Costs almost nothing; not written when empty.&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation>&lt;p&gt;使用 10 米波段（B2、B3、B4、B8）将 Sentinel-2 的 20 米波段（B5、B6、B7、B8A、B11、B12）锐化至 10 米。任何像元大小之比为 2:1 的栅格对均可（比率由像元大小确定；不需要波段名称）；输入与其他算法一样按地理参考对齐。&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;：一个栅格中的 10 米波段，顺序为 B2、B3、B4、B8。&lt;b&gt;B20M&lt;/b&gt;：一个栅格中的 20 米波段，顺序为 B5、B6、B7、B8A、B11、B12。&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;回归 + 高通注入&lt;/i&gt;：对每个 20 米波段，在 20 米尺度上用最小二乘由 10 米波段合成一个波段，并将其细节以在低一级尺度上拟合的增益加到上采样后的波段上（数秒）。&lt;i&gt;在场景上学习&lt;/i&gt;（默认）：在场景本身上训练一个小网络（两个输入再降质一次：10 米降至 20 米，20 米降至 40 米，采用 Sentinel-2 的模糊），在回归结果的基础上恢复 20 米波段，然后应用于 10 米。在基准裁剪区上（Wald 协议，以真实 20 米波段评分），与三次上采样和回归方法中较好者相比，SAM 降低 35%，ERGAS 降低 31%。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：GeoTIFF（除非 OUTPUT_TYPE 另有指定，否则为 float32），包含 10 米网格上的 20 米波段，按 B20M 的顺序；给出 B60M 时其后为 60 米波段；保留波段名称和辐射单位。任一输入的无数据像元写为无数据。数值可以是 L1C/L2A 数字量或反射率；此处不去除 L2A 偏移（自基线 04.00 起为 -1000）：请使用产品读取器的输出，或事先去除（该方法对各波段共同的偏移是线性的，但输出会保留它）。&lt;/p&gt;&lt;p&gt;CPU 运行时间：使用学习方法处理一整景 10980 x 10980 图幅（20 m 波段）在 2 个核心上用时 7.5 分钟（15 个 CPU 分钟：训练约 2 分钟，然后处理各图块），内存峰值 2.3 GB。在 GPU 上通常快数倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt;（可选）：60 米波段（B1、B9）置于一个栅格中，其像元必须是 B10M 像元的 6 倍；它们以比率 6 用同一方法锐化（在其自身上单独学习），写在 20 米波段之后（产品读取器的 60 米输出可直接使用）。任一输入的无数据像元写为无数据。在基准子区上（比率 6 的 Wald 协议），两种方法的 SAM 和 ERGAS 均比三次上采样降低约 3 倍；学习方法在那里并不优于回归方法。&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt;（可选）：输出网格上的 Float32 栅格，逐像元逐波段给出以输出单位表示的校准标准差，来自学习方法结果与回归结果之差（METHOD 0：回归结果与三次上采样之差）；在一个 Sentinel-2 子区上按 Wald 协议校准，使约 90% 的真值落在 +-1.645 sigma 之内（在该子区未用于校准的部分上为 84%）。几乎没有额外开销；留空时不写出。&lt;/p&gt;&lt;p&gt;参考文献：Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997（Wald 协议）；Aiazzi et al., PE&amp;amp;RS 2006（MTF-GLP 注入）；Lanaras et al., ISPRS J. Photogramm. 2018（DSen2，学习式 Sentinel-2 锐化）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Samples drawn for the UNCERTAINTY output: the learned method's output and the regression + high-pass injection result, plus, for K above 1, the network on K - 1 flips/rotations of the inputs (with METHOD 0: that result and the cubic-upsampled bands, whatever K). The calibration was fitted with the default K of 1, which costs almost nothing beyond the sharpened raster.</source>
      <translation>为 UNCERTAINTY 输出抽取的样本：学习方法的结果与回归 + 高通注入的结果；K 大于 1 时另加网络在输入的 K - 1 种翻转/旋转上的结果（METHOD 0：该结果与三次上采样的波段，与 K 无关）。校准是用默认 K = 1 拟合的，其开销几乎不超过单独生成锐化栅格。</translation>
    </message>
    <message>
      <source>Simulate a fusion pair (Wald's protocol)</source>
      <translation>模拟融合对（Wald 协议）</translation>
    </message>
    <message>
      <source>Reading the reference</source>
      <translation>正在读取参考</translation>
    </message>
    <message>
      <source>Simulating</source>
      <translation>正在模拟</translation>
    </message>
    <message>
      <source>Writing the outputs</source>
      <translation>正在写入输出</translation>
    </message>
    <message>
      <source>Reference raster</source>
      <translation>参考栅格</translation>
    </message>
    <message>
      <source>Resolution ratio</source>
      <translation>分辨率比</translation>
    </message>
    <message>
      <source>Decimation factor (a whole number, 2 or more).</source>
      <translation>抽取因子（2 或更大的整数）。</translation>
    </message>
    <message>
      <source>Point spread function</source>
      <translation>点扩散函数</translation>
    </message>
    <message>
      <source>MTF gain at Nyquist (MTF-matched PSF)</source>
      <translation>奈奎斯特频率处的 MTF 增益（MTF 匹配的 PSF）</translation>
    </message>
    <message>
      <source>Gaussian sigma in reference pixels (Gaussian PSF)</source>
      <translation>以参考像素计的高斯 sigma（高斯 PSF）</translation>
    </message>
    <message>
      <source>Spectral response of the high-resolution raster</source>
      <translation>高分辨率栅格的光谱响应</translation>
    </message>
    <message>
      <source>Spectral response CSV file</source>
      <translation>光谱响应 CSV 文件</translation>
    </message>
    <message>
      <source>Band centres in nm, comma separated (empty: from the raster)</source>
      <translation>波段中心波长（纳米），以逗号分隔（留空：从栅格读取）</translation>
    </message>
    <message>
      <source>Signal-to-noise ratio in dB (0: no noise)</source>
      <translation>信噪比，单位 dB（0：无噪声）</translation>
    </message>
    <message>
      <source>Simulated low-resolution raster</source>
      <translation>模拟的低分辨率栅格</translation>
    </message>
    <message>
      <source>Simulated high-resolution raster</source>
      <translation>模拟的高分辨率栅格</translation>
    </message>
    <message>
      <source>OUTPUT_LOWRES and OUTPUT_HIGHRES are the same file; choose two different paths.</source>
      <translation>OUTPUT_LOWRES 与 OUTPUT_HIGHRES 是同一个文件；请选择两个不同的路径。</translation>
    </message>
    <message>
      <source>The IKONOS-like response and the sensor responses need the reference's band wavelengths, which its metadata does not give: enter them in WAVELENGTHS (nm).</source>
      <translation>类 IKONOS 响应和传感器响应需要参考影像的波段波长，但其元数据中没有：请在 WAVELENGTHS（纳米）中输入。</translation>
    </message>
    <message>
      <source>PSF {0} ({1} x {1}); spectral response {2} ({3} band(s)); SNR {4}.</source>
      <translation>PSF {0}（{1} x {1}）；光谱响应 {2}（{3} 个波段）；SNR {4}。</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>SRF is 'CSV file' but no spectral response CSV file was given (SRF_FILE).</source>
      <translation>SRF 为“CSV 文件”，但未给出光谱响应 CSV 文件（SRF_FILE）。</translation>
    </message>
    <message>
      <source>The reference's band wavelengths are unknown: the PAN is the mean of all bands. Give WAVELENGTHS to use 450-900 nm only.</source>
      <translation>参考的波段波长未知：PAN 取全部波段的均值。请给出 WAVELENGTHS 以仅使用 450-900 纳米。</translation>
    </message>
    <message>
      <source>The ratio must be a whole number of 2 or more (got {0}).</source>
      <translation>比例必须是 2 或更大的整数（当前为 {0}）。</translation>
    </message>
    <message>
      <source>The reference raster '{0}' has no valid pixel (all nodata, NaN or infinite).</source>
      <translation>参考栅格“{0}”没有有效像素（全部为无数据、NaN 或无穷大）。</translation>
    </message>
    <message>
      <source>The reference raster ({0} x {1} px) is too small for ratio {2}.</source>
      <translation>参考栅格（{0} x {1} 像素）对于比例 {2} 来说太小。</translation>
    </message>
    <message>
      <source>gauss9: 9 x 9 Gaussian whose FWHM equals the ratio</source>
      <translation>gauss9：半高宽等于比例的 9 x 9 高斯核</translation>
    </message>
    <message>
      <source>MTF-matched Gaussian (gain at the low-resolution Nyquist frequency)</source>
      <translation>MTF 匹配的高斯核（低分辨率奈奎斯特频率处的增益）</translation>
    </message>
    <message>
      <source>Gaussian with the given sigma</source>
      <translation>给定 sigma 的高斯核</translation>
    </message>
    <message>
      <source>PAN: mean of the bands centred in 450-900 nm</source>
      <translation>PAN：中心波长在 450-900 纳米内的波段的均值</translation>
    </message>
    <message>
      <source>IKONOS-like Blue, Green, Red, NIR (4 bands)</source>
      <translation>类 IKONOS 的蓝、绿、红、近红外（4 个波段）</translation>
    </message>
    <message>
      <source>Spectral response from a CSV file</source>
      <translation>来自 CSV 文件的光谱响应</translation>
    </message>
    <message>
      <source>&lt;p&gt;Simulates the inputs of a fusion method from a reference image (Wald's protocol), so a fused result can be compared with the reference (see Assess fusion quality).&lt;/p&gt;&lt;p&gt;&lt;b&gt;REFERENCE&lt;/b&gt;: a multispectral or hyperspectral raster (2 bands or more); band wavelengths are read from its metadata or given in WAVELENGTHS (nm). Values may be in any radiometric unit; both outputs are float32 in the reference's unit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_LOWRES&lt;/b&gt;: the reference blurred by the PSF and decimated by RATIO (a whole number, 2 or more; pixels 0, r, 2r...; its origin is shifted by -(r-1)/2 reference pixels so each pixel sits on the reference pixel it was taken from). &lt;b&gt;OUTPUT_HIGHRES&lt;/b&gt;: the spectral response applied to the reference on its own grid: a PAN (mean of the bands in 450-900 nm), IKONOS-like Blue/Green/Red/NIR bands, or the response in a CSV file (one row per output band, one column per reference band). SNR adds Gaussian noise whose power is SNR dB below each band's mean signal power (0: no noise); SEED makes it repeatable.&lt;/p&gt;&lt;p&gt;Runtime: about a second per 1000 x 1000 x 100 values on a CPU; it always runs on the CPU (a GPU would not help much: the work is a few convolutions). The whole reference is held in memory.&lt;/p&gt;&lt;p&gt;Reference: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997.&lt;/p&gt;</source>
      <translation>&lt;p&gt;根据参考图像模拟融合方法的输入（Wald 协议），以便将融合结果与参考进行比较（见“评估融合质量”）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;REFERENCE&lt;/b&gt;：多光谱或高光谱栅格（2 个或更多波段）；波段波长从其元数据读取，或在 WAVELENGTHS（纳米）中给出。数值可以采用任意辐射单位；两个输出均为 float32，单位与参考相同。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_LOWRES&lt;/b&gt;：参考经 PSF 模糊并按 RATIO（2 或以上的整数）抽取（像素 0、r、2r……；其原点偏移 -(r-1)/2 个参考像素，使每个像素位于其取自的参考像素上）。&lt;b&gt;OUTPUT_HIGHRES&lt;/b&gt;：在参考自身网格上施加光谱响应：PAN（450-900 纳米内波段的均值）、类 IKONOS 的蓝/绿/红/近红外波段，或 CSV 文件中的响应（每个输出波段一行，每个参考波段一列）。SNR 添加高斯噪声，其功率比各波段平均信号功率低 SNR dB（0：无噪声）；SEED 使结果可重复。&lt;/p&gt;&lt;p&gt;运行时间：在 CPU 上每 1000 x 1000 x 100 个值约需一秒；始终在 CPU 上运行（GPU 帮助不大：计算只是少量卷积）。整个参考保存在内存中。&lt;/p&gt;&lt;p&gt;参考文献：Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Train pansharpening weights (ResPanDiff, KSDiff)</source>
      <translation>训练全色锐化权重（ResPanDiff、KSDiff）</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>训练</translation>
    </message>
    <message>
      <source>Full-resolution PAN rasters</source>
      <translation>全分辨率 PAN 栅格</translation>
    </message>
    <message>
      <source>Full-resolution MS rasters (same order as the PANs)</source>
      <translation>全分辨率 MS 栅格（与 PAN 顺序相同）</translation>
    </message>
    <message>
      <source>PanCollection HDF5 file</source>
      <translation>PanCollection HDF5 文件</translation>
    </message>
    <message>
      <source>MS bands (e.g. 3,2,1,4; empty: all)</source>
      <translation>MS 波段（例如 3,2,1,4；留空：全部）</translation>
    </message>
    <message>
      <source>Iterations (KSDiff: stage 1)</source>
      <translation>迭代次数（KSDiff：第 1 阶段）</translation>
    </message>
    <message>
      <source>KSDiff stage 2 iterations</source>
      <translation>KSDiff 第 2 阶段迭代次数</translation>
    </message>
    <message>
      <source>Patches per iteration</source>
      <translation>每次迭代的图块数</translation>
    </message>
    <message>
      <source>Patch size (PAN pixels)</source>
      <translation>图块大小（PAN 像素）</translation>
    </message>
    <message>
      <source>Learning rate</source>
      <translation>学习率</translation>
    </message>
    <message>
      <source>Resume from weights</source>
      <translation>从权重继续</translation>
    </message>
    <message>
      <source>Weights file</source>
      <translation>权重文件</translation>
    </message>
    <message>
      <source>PyTorch weights (*.pt)</source>
      <translation>PyTorch 权重 (*.pt)</translation>
    </message>
    <message>
      <source>Reading training pairs</source>
      <translation>正在读取训练图像对</translation>
    </message>
    <message>
      <source>Training on {0} image(s), {1} for validation, ratio {2}, {3} bands.</source>
      <translation>在 {0} 幅图像上训练，{1} 幅用于验证，比例 {2}，{3} 个波段。</translation>
    </message>
    <message>
      <source>Wrote {0} and its model card {1}</source>
      <translation>已写入 {0} 及其模型卡 {1}</translation>
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
      <translation>&lt;p&gt;为某一传感器训练 ResPanDiff 或 KSDiff 权重（&lt;b&gt;METHOD&lt;/b&gt;）。可给出全分辨率的 &lt;b&gt;PANS&lt;/b&gt; 与 &lt;b&gt;MSS&lt;/b&gt; 栅格列表（按相同顺序配对；每对按其比例用与 MTF 匹配的高斯滤波降质，即 Wald 协议，并学习降质后影像对的随机块），或 PanCollection 格式的 &lt;b&gt;HDF5&lt;/b&gt; 文件（数据集 gt、ms、lms、pan，按其最大值缩放）。&lt;b&gt;MS_BANDS&lt;/b&gt; 选择并排列 MS 波段（例如 3,2,1,4）。&lt;/p&gt;&lt;p&gt;输入：单波段 PAN 栅格与 2 个及以上波段的 MS 栅格（每对波段相同），PAN 像元小整数倍（每对比例相同；RATIO 可覆盖）。数值可为任意辐射单位；每对按其稳健最大值缩放。&lt;/p&gt;&lt;p&gt;有多对时，最后一对用于验证（记录 SAM、ERGAS 和 Q）。&lt;b&gt;RESUME&lt;/b&gt; 从权重文件继续训练。&lt;b&gt;OUTPUT&lt;/b&gt;：权重（.pt）及其旁边的 JSON 模型卡；可作为 ResPanDiff 或 KSDiff 的 WEIGHTS_FILE。&lt;/p&gt;&lt;p&gt;KSDiff 分两阶段训练：阶段 1 的 &lt;b&gt;ITERATIONS&lt;/b&gt;（使用参考影像的编码器、卷积核生成器和锐化网络），然后阶段 2 的 &lt;b&gt;ITERATIONS2&lt;/b&gt;（潜在扩散模型，与锐化网络联合训练）；在一个 CPU 核上每次迭代约 0.2-0.3 秒。&lt;/p&gt;&lt;p&gt;运行时间：在一个 CPU 核上，每次迭代（8 个 64 x 64 块）约 1 秒（实测）。在 GPU 上通常快数倍至数十倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;参考文献：Cao, Deng, Deng, ResPanDiff: Diffusion Model for Pansharpening by Inferring Residual Inference, arXiv 2501.05091 (2025)；Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025)。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Not enough memory for these inputs. Clip the rasters to a smaller area and run again.</source>
      <translation>内存不足以处理这些输入。请将栅格裁剪到较小区域后重新运行。</translation>
    </message>
    <message>
      <source>Cancelled by the user; no output was written.</source>
      <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
      <source>No weights fit {0} bands: a model was fitted on this scene.</source>
      <translation>没有适用于 {0} 个波段的权重：已在本场景上拟合了一个模型。</translation>
    </message>
    <message>
      <source>Warning: the uncertainty is not calibrated for these weights or this adapted model; its scale (factor {0:g}, from the bundled ratio-2 weights) is a guess.</source>
      <translation>警告：不确定性未针对这些权重或此自适应模型校准；其尺度（系数 {0:g}，来自内置的比例 2 权重）只是估计。</translation>
    </message>
    <message>
      <source>Warning: the uncertainty of {0} is not calibrated; its scale is a guess.</source>
      <translation>警告：{0} 的不确定性未经校准；其尺度只是估计。</translation>
    </message>
    <message>
      <source>Weights trained on: {0}</source>
      <translation>权重的训练数据：{0}</translation>
    </message>
    <message>
      <source>Preset: 'default' is fast on a CPU; 'paper' follows the paper (far slower). Advanced settings left at their defaults take the preset's values.</source>
      <translation>预设：'default' 在 CPU 上运行快速；'paper' 遵循论文设置（慢得多）。保持默认值的高级设置将采用预设的取值。</translation>
    </message>
    <message>
      <source>Finished in {0:.1f} s.</source>
      <translation>完成，用时 {0:.1f} 秒。</translation>
    </message>
    <message>
      <source>The inputs look swapped: {0} ('{1}') has {2} band(s) of {3:g} x {4:g} pixels and {5} ('{6}') {7} band(s) of {8:g} x {9:g}, but {0} must be the high-resolution raster (smaller pixels) and {5} the low-resolution spectral one; exchange them.</source>
      <translation>输入似乎颠倒了：{0}（'{1}'）有 {2} 个波段，像元大小 {3:g} x {4:g}，而 {5}（'{6}'）有 {7} 个波段，像元大小 {8:g} x {9:g}；但 {0} 必须是高分辨率栅格（像元更小），{5} 必须是低分辨率光谱栅格；请交换两者。</translation>
    </message>
    <message>
      <source>The output {0} '{1}' is also an input; inputs are never overwritten. Choose another output path.</source>
      <translation>输出 {0}“{1}”同时也是输入；输入永远不会被覆盖。请选择其他输出路径。</translation>
    </message>
    <message>
      <source>The output {0} '{1}' has an extension FuseDiff does not write: give it a name ending in {2}.</source>
      <translation>输出 {0}“{1}”的扩展名不是 FuseDiff 可写出的格式：请使用以 {2} 结尾的名称。</translation>
    </message>
    <message>
      <source>Reading and aligning the inputs</source>
      <translation>正在读取并对齐输入</translation>
    </message>
    <message>
      <source>The rasters have no pixel that is valid in both (all nodata, NaN or infinite in the overlap). Check the inputs' nodata values.</source>
      <translation>两个栅格没有同时有效的像素（重叠区内全部为无数据、NaN 或无穷大）。请检查输入的无数据值。</translation>
    </message>
    <message>
      <source>Aligned inputs: high resolution {0} band(s) of {1} x {2} px, low resolution {3} band(s) of {4} x {5} px, ratio {6}, {7} nodata pixel(s).</source>
      <translation>已对齐的输入：高分辨率 {0} 个波段，{1} x {2} 像素；低分辨率 {3} 个波段，{4} x {5} 像素；比例 {6}；{7} 个无数据像素。</translation>
    </message>
    <message>
      <source>Aligned inputs: high resolution {0} band(s) of {1} x {2} px, low resolution {3} band(s) of {4} x {5} px, ratio {6}.</source>
      <translation>已对齐的输入：高分辨率 {0} 个波段，{1} x {2} 像素；低分辨率 {3} 个波段，{4} x {5} 像素；比例 {6}。</translation>
    </message>
    <message>
      <source>Scene scale: values divided by {0:g} (the {1:g}th percentile of the valid input values, {2:g}, maps to {3:g}: the level the method was trained or tuned at).</source>
      <translation>场景缩放：数值除以 {0:g}（有效输入值的第 {1:g} 百分位数 {2:g} 映射到 {3:g}：方法训练或调参时的水平）。</translation>
    </message>
    <message>
      <source>{0}: learned from {1} window(s) of the scene in {2:.1f} s.</source>
      <translation>{0}：在 {2:.1f} 秒内从场景的 {1} 个窗口学习完成。</translation>
    </message>
    <message>
      <source>{0}: tile fused in {1:.1f} s.</source>
      <translation>{0}：瓦片在 {1:.1f} 秒内融合完成。</translation>
    </message>
    <message>
      <source>{0}: tile and its uncertainty fused in {1:.1f} s.</source>
      <translation>{0}：分块及其不确定性融合用时 {1:.1f} 秒。</translation>
    </message>
    <message>
      <source>The resolution ratio must be greater than 1 (got {0}): it is the low-resolution pixel size divided by the high-resolution one. Leave RATIO empty to take it from the rasters.</source>
      <translation>分辨率比必须大于 1（当前为 {0}）：它是低分辨率像元大小除以高分辨率像元大小。将 RATIO 留空即可由栅格确定。</translation>
    </message>
    <message>
      <source>The pixel sizes give a ratio of {0:.3f}; the low-resolution raster was resampled to the whole ratio {1}.</source>
      <translation>像元大小给出的比例为 {0:.3f}；低分辨率栅格已重采样到整数比例 {1}。</translation>
    </message>
    <message>
      <source>Processing {0} tiles of {1} x {1} px (overlap {2} px).</source>
      <translation>分为 {0} 个 {1} x {1} 像素的分块处理（重叠 {2} 像素）。</translation>
    </message>
    <message>
      <source>{0} has no uncertainty output.</source>
      <translation>{0} 没有不确定性输出。</translation>
    </message>
    <message>
      <source>The SRF file must have one row (the PAN's response).</source>
      <translation>SRF 文件必须只有一行（PAN 的响应）。</translation>
    </message>
    <message>
      <source>The SRF file has {0} rows but the MSI has {1} bands: one row per MSI band is needed.</source>
      <translation>SRF 文件有 {0} 行，但 MSI 有 {1} 个波段：每个 MSI 波段需要一行。</translation>
    </message>
    <message>
      <source>tile {0}/{1}</source>
      <translation>分块 {0}/{1}</translation>
    </message>
    <message>
      <source>{0}, ~{1} s left</source>
      <translation>{0}，约剩 {1} 秒</translation>
    </message>
    <message>
      <source>{0}, ~{1} min left</source>
      <translation>{0}，约剩 {1} 分钟</translation>
    </message>
    <message>
      <source>The GPU ran out of memory with tiles of {0} px; retrying with tiles of {1} px.</source>
      <translation>GPU 内存不足以处理 {0} 像素的分块；改用 {1} 像素的分块重试。</translation>
    </message>
    <message>
      <source>The GPU ran out of memory even with tiles of {0} px ({1}). Choose DEVICE 'cpu', close other programs using the GPU, or use a GPU with more memory.</source>
      <translation>即使使用 {0} 像素的分块，GPU 内存仍然不足（{1}）。请将 DEVICE 选为“cpu”、关闭其他占用 GPU 的程序，或使用内存更大的 GPU。</translation>
    </message>
    <message>
      <source>Incorrect parameter value for {0}</source>
      <translation>{0} 的参数值不正确</translation>
    </message>
    <message>
      <source>The input {0} is not a file-based raster ({1}); export it to GeoTIFF first.</source>
      <translation>输入 {0} 不是基于文件的栅格（{1}）；请先将其导出为 GeoTIFF。</translation>
    </message>
    <message>
      <source>Install dependencies (PyTorch)</source>
      <translation>安装依赖项（PyTorch）</translation>
    </message>
    <message>
      <source>Setup</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>&lt;p&gt;Installs what FuseDiff's diffusion methods need and this QGIS lacks: PyTorch 2.13.0 (CPU or CUDA build, chosen from the NVIDIA driver it finds where the source offers both), with pip and QGIS's own Python, into a folder of your QGIS profile (python/fusediff-deps-pyXY; no administrator rights). NumPy and GDAL are never installed: QGIS's own are used. The classical, simulate and assess algorithms need nothing (they use QGIS's GDAL). Restart QGIS afterwards if a FuseDiff algorithm already failed in this session.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Source&lt;/b&gt;: empty = pip's configured package index (internet); a folder of wheel files (offline install, e.g. copied from another machine with 'pip download'); or the URL of another package index.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Also install Dask&lt;/b&gt;: only needed to run FuseDiff on a Dask cluster from Python.&lt;/p&gt;&lt;p&gt;To undo: Plugins &gt; FuseDiff &gt; Remove installed dependencies, or delete the folder named in the log.&lt;/p&gt;</source>
      <translation>&lt;p&gt;安装 FuseDiff 的扩散方法所需而本 QGIS 缺少的组件：PyTorch 2.13.0（CPU 或 CUDA 版本；当来源同时提供两者时，根据检测到的 NVIDIA 驱动选择），使用 pip 和 QGIS 自带的 Python，安装到您的 QGIS 配置文件中的一个文件夹（python/fusediff-deps-pyXY；无需管理员权限）。从不安装 NumPy 和 GDAL：使用 QGIS 自带的版本。classical、simulate 和 assess 算法无需任何安装（它们使用 QGIS 的 GDAL）。如果本次会话中已有 FuseDiff 算法失败，请在安装后重启 QGIS。&lt;/p&gt;&lt;p&gt;&lt;b&gt;来源&lt;/b&gt;：留空 = pip 配置的软件包索引（互联网）；一个 wheel 文件夹（离线安装，例如在另一台计算机上用 'pip download' 下载后复制过来）；或另一个软件包索引的 URL。&lt;/p&gt;&lt;p&gt;&lt;b&gt;同时安装 Dask&lt;/b&gt;：仅在从 Python 于 Dask 集群上运行 FuseDiff 时需要。&lt;/p&gt;&lt;p&gt;撤销：插件 &gt; FuseDiff &gt; 删除已安装的依赖项，或删除日志中给出的文件夹。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>PyTorch build where the source offers several</source>
      <translation>来源提供多个版本时的 PyTorch 版本</translation>
    </message>
    <message>
      <source>Reinstall even what already loads (repairs a broken install)</source>
      <translation>即使已能加载也重新安装（修复损坏的安装）</translation>
    </message>
    <message>
      <source>Source: a folder of wheels or a package index URL (empty: pip's configured index)</source>
      <translation>来源：wheel 文件夹或软件包索引 URL（留空：pip 配置的索引）</translation>
    </message>
    <message>
      <source>Also install Dask (dask, distributed)</source>
      <translation>同时安装 Dask（dask、distributed）</translation>
    </message>
    <message>
      <source>Dependencies folder</source>
      <translation>依赖项文件夹</translation>
    </message>
    <message>
      <source>Installed packages</source>
      <translation>已安装的软件包</translation>
    </message>
    <message>
      <source>Detect (CUDA when an NVIDIA driver is found)</source>
      <translation>自动检测（找到 NVIDIA 驱动时使用 CUDA）</translation>
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
      <translation>依赖项文件夹：{0}</translation>
    </message>
    <message>
      <source>Nothing to install: every dependency already loads.</source>
      <translation>无需安装：所有依赖项均已可以加载。</translation>
    </message>
    <message>
      <source>Cancelled by the user; the dependencies folder was left as it was.</source>
      <translation>已被用户取消；依赖项文件夹保持原样。</translation>
    </message>
    <message>
      <source>Installed into {0}: {1}</source>
      <translation>已安装到 {0}：{1}</translation>
    </message>
    <message>
      <source>To install: {0}</source>
      <translation>待安装：{0}</translation>
    </message>
    <message>
      <source>CPU threads for FuseDiff (0 = all cores)</source>
      <translation>FuseDiff 的 CPU 线程数（0 = 全部核心）</translation>
    </message>
    <message>
      <source>Install dependencies (PyTorch)…</source>
      <translation>安装依赖项（PyTorch）…</translation>
    </message>
    <message>
      <source>Remove installed dependencies…</source>
      <translation>删除已安装的依赖项…</translation>
    </message>
    <message>
      <source>Every dependency already loads; nothing to install.</source>
      <translation>所有依赖项均已可以加载；无需安装。</translation>
    </message>
    <message>
      <source>Install {0} for FuseDiff into {1} with pip (from pip's configured package index; PyTorch is a download of several hundred MB, {2} build: {3})? NumPy and GDAL are not touched. It runs in the background; follow or cancel it in the task manager.</source>
      <translation>使用 pip 为 FuseDiff 将 {0} 安装到 {1}（来自 pip 配置的软件包索引；PyTorch 需下载数百 MB，{2} 版本：{3}）？不会改动 NumPy 和 GDAL。安装在后台运行；可在任务管理器中查看进度或取消。</translation>
    </message>
    <message>
      <source>Installing the dependencies failed or was cancelled; see the Processing log (View &gt; Panels &gt; Log Messages).</source>
      <translation>依赖项安装失败或已取消；请查看处理日志（视图 &gt; 面板 &gt; 日志消息）。</translation>
    </message>
    <message>
      <source>No dependencies are installed in {0}.</source>
      <translation>{0} 中没有已安装的依赖项。</translation>
    </message>
    <message>
      <source>Delete {0} (PyTorch and what FuseDiff installed with it)? The diffusion algorithms then ask for the install again; the classical ones keep working.</source>
      <translation>删除 {0}（PyTorch 及 FuseDiff 随之安装的内容）？之后扩散算法会再次要求安装；经典算法仍可正常使用。</translation>
    </message>
    <message>
      <source>Removed {0}. Restart QGIS to unload PyTorch if it was loaded.</source>
      <translation>已删除 {0}。如果 PyTorch 已被加载，请重启 QGIS 以将其卸载。</translation>
    </message>
    <message>
      <source>Dependencies installed into {0}. Restart QGIS if a FuseDiff algorithm failed before in this session.</source>
      <translation>依赖项已安装到 {0}。如果本次会话中之前有 FuseDiff 算法失败，请重启 QGIS。</translation>
    </message>
    <message>
      <source>Hidden layers of the spectral denoiser MLP (width 512 each).</source>
      <translation>光谱去噪 MLP 的隐藏层数（每层宽 512）。</translation>
    </message>
    <message>
      <source>Width of the denoiser's hidden layers.</source>
      <translation>去噪器隐藏层的宽度。</translation>
    </message>
    <message>
      <source>Dropout in the denoiser while training.</source>
      <translation>训练时去噪器中的 dropout。</translation>
    </message>
    <message>
      <source>Training iterations of the spectral prior.</source>
      <translation>光谱先验的训练迭代次数。</translation>
    </message>
    <message>
      <source>Spectra per training batch.</source>
      <translation>每个训练批次的光谱数。</translation>
    </message>
    <message>
      <source>Peak learning rate of the prior's training.</source>
      <translation>先验训练的峰值学习率。</translation>
    </message>
    <message>
      <source>Learning-rate schedule of the prior's training.</source>
      <translation>先验训练的学习率调度。</translation>
    </message>
    <message>
      <source>Adam weight decay of the prior's training.</source>
      <translation>先验训练的 Adam 权重衰减。</translation>
    </message>
    <message>
      <source>EMA decay of the prior's weights (0: off).</source>
      <translation>先验权重的 EMA 衰减（0：关闭）。</translation>
    </message>
    <message>
      <source>Diffusion timesteps T of the prior.</source>
      <translation>先验的扩散时间步数 T。</translation>
    </message>
    <message>
      <source>Timesteps visited by the fusion (strided from t_start down to 1).</source>
      <translation>融合过程访问的时间步数（从 t_start 跨步到 1）。</translation>
    </message>
    <message>
      <source>Adam steps per timestep (K).</source>
      <translation>每个时间步的 Adam 步数（K）。</translation>
    </message>
    <message>
      <source>Largest timestep visited, as a fraction of T (1: start from pure noise).</source>
      <translation>访问的最大时间步，占 T 的比例（1：从纯噪声开始）。</translation>
    </message>
    <message>
      <source>Smallest timestep visited, as a fraction of T (0: down to t = 1).</source>
      <translation>访问的最小时间步，占 T 的比例（0：直到 t = 1）。</translation>
    </message>
    <message>
      <source>Adam learning rate on the fused image.</source>
      <translation>融合图像上的 Adam 学习率。</translation>
    </message>
    <message>
      <source>Weight lambda of the LR-HSI data term.</source>
      <translation>低分辨率 HSI 数据项的权重 lambda。</translation>
    </message>
    <message>
      <source>Weight gamma of the spectral diffusion prior term.</source>
      <translation>光谱扩散先验项的权重 gamma。</translation>
    </message>
    <message>
      <source>Fraction of pixels on which the prior is evaluated per step.</source>
      <translation>每步评估先验所用的像素比例。</translation>
    </message>
    <message>
      <source>Most pixels on which the prior is evaluated per step, whatever the tile size (0: no limit).</source>
      <translation>每一步评估先验所用的最多像素数，与分块大小无关（0：不限制）。</translation>
    </message>
    <message>
      <source>Prior gradient: 'full' backpropagates through the denoiser; 'sds' skips its Jacobian (faster).</source>
      <translation>先验梯度：'full' 通过去噪器反向传播；'sds' 省略其雅可比矩阵（更快）。</translation>
    </message>
    <message>
      <source>EMA decay of the fused image over the Adam steps (0: off).</source>
      <translation>融合图像在各 Adam 步上的 EMA 衰减（0：关闭）。</translation>
    </message>
    <message>
      <source>Suppress both inputs' sensor noise before fusing (Wiener filters with noise levels estimated from the inputs); turn off for noise-free inputs.</source>
      <translation>融合前抑制两个输入的传感器噪声（维纳滤波，噪声水平由输入估计）；输入无噪声时请关闭。</translation>
    </message>
    <message>
      <source>Initial fused image: subspace least squares, cubic upsampling, or ones (the paper).</source>
      <translation>初始融合图像：子空间最小二乘、三次上采样或全一（论文做法）。</translation>
    </message>
    <message>
      <source>Rank of the spectral subspace of the warm start (0: estimated from the HSI and its noise level).</source>
      <translation>热启动光谱子空间的秩（0：根据高光谱影像及其噪声水平估计）。</translation>
    </message>
    <message>
      <source>Weight of the LR-HSI term in the warm start's least squares.</source>
      <translation>热启动最小二乘中低分辨率 HSI 项的权重。</translation>
    </message>
    <message>
      <source>What the warm start's ridge pulls towards: the mean of a spectral regression of the MSI learned on the scene and a CNMF fusion ('blend'), one of them alone, or the cubic upsampling of the LR-HSI.</source>
      <translation>初始估计的岭项所拉向的目标：在场景上学习的 MSI 光谱回归与 CNMF 融合结果的平均（'blend'）、二者之一，或 LR-HSI 的三次插值上采样。</translation>
    </message>
    <message>
      <source>Polynomial degree of the spectral regression (1 or 2).</source>
      <translation>光谱回归的多项式次数（1 或 2）。</translation>
    </message>
    <message>
      <source>Ridge weight (towards the target) of the warm start, relative.</source>
      <translation>热启动的相对岭权重（拉向目标）。</translation>
    </message>
    <message>
      <source>Weight of the warm start's spatial smoothness term (squared gradients of the subspace coefficients), relative.</source>
      <translation>初始估计的空间平滑项权重（子空间系数梯度的平方），相对值。</translation>
    </message>
    <message>
      <source>Conjugate-gradient iterations of the warm start.</source>
      <translation>热启动的共轭梯度迭代次数。</translation>
    </message>
    <message>
      <source>Alternations of the blind PSF/SRF estimation.</source>
      <translation>盲估计 PSF/SRF 的交替次数。</translation>
    </message>
    <message>
      <source>Blind SRF rows sum to 1 (off: free gains, for sensors in different radiometric units).</source>
      <translation>盲估计的 SRF 每行之和为 1（关闭：增益不受约束，适用于辐射单位不同的传感器）。</translation>
    </message>
    <message>
      <source>PSF model of the blind estimation.</source>
      <translation>盲估计的 PSF 模型。</translation>
    </message>
    <message>
      <source>Torch CPU threads (0: all cores).</source>
      <translation>Torch CPU 线程数（0：全部核心）。</translation>
    </message>
    <message>
      <source>Random seed (makes runs repeatable).</source>
      <translation>随机种子（使运行可重复）。</translation>
    </message>
    <message>
      <source>Subspace dimension d (coefficient maps and basis spectra).</source>
      <translation>子空间维数 d（系数图和基光谱）。</translation>
    </message>
    <message>
      <source>U-Net channels at full resolution.</source>
      <translation>全分辨率下的 U-Net 通道数。</translation>
    </message>
    <message>
      <source>U-Net resolution levels (each halves the size; channel multiplier 2 after the first).</source>
      <translation>U-Net 分辨率层数（每层尺寸减半；第一层之后通道倍数为 2）。</translation>
    </message>
    <message>
      <source>Residual blocks per U-Net level.</source>
      <translation>每个 U-Net 层的残差块数。</translation>
    </message>
    <message>
      <source>Training iterations of the spatial network.</source>
      <translation>空间网络的训练迭代次数。</translation>
    </message>
    <message>
      <source>Patches per training batch of the spatial network.</source>
      <translation>空间网络每个训练批次的图像块数。</translation>
    </message>
    <message>
      <source>Training patch size (HR-MSI pixels).</source>
      <translation>训练图像块大小（高分辨率 MSI 像素）。</translation>
    </message>
    <message>
      <source>Adam learning rate of the spatial network.</source>
      <translation>空间网络的 Adam 学习率。</translation>
    </message>
    <message>
      <source>Stretch each MSI band to [-1, 1] for training the spatial network (the paper maps [0, 1] data to [-1, 1]).</source>
      <translation>训练空间网络时将每个 MSI 波段拉伸到 [-1, 1]（论文将 [0, 1] 数据映射到 [-1, 1]）。</translation>
    </message>
    <message>
      <source>Hidden layer widths of the spectral network.</source>
      <translation>光谱网络各隐藏层的宽度。</translation>
    </message>
    <message>
      <source>Training iterations of the spectral network.</source>
      <translation>光谱网络的训练迭代次数。</translation>
    </message>
    <message>
      <source>(d, C) samples per training batch of the spectral network.</source>
      <translation>光谱网络每个训练批次的 (d, C) 样本数。</translation>
    </message>
    <message>
      <source>Adam learning rate of the spectral network.</source>
      <translation>光谱网络的 Adam 学习率。</translation>
    </message>
    <message>
      <source>Start of the reverse process: 'noise' (A_T, E_T ~ N(0, I), as in the paper), 'subspace' (SDP's subspace least-squares estimate, factored) or 'data' (a quick SPA/ridge subspace estimate), taken as the sample at noise level start.</source>
      <translation>逆向过程的起点：'noise'（A_T, E_T ~ N(0, I)，与论文相同）、'subspace'（SDP 的子空间最小二乘估计，经分解）或 'data'（快速的 SPA/岭回归子空间估计），均视为噪声水平 start 处的样本。</translation>
    </message>
    <message>
      <source>With init='subspace' or 'data': noise level sqrt(1 - abar_t) the reverse process starts from (1: pure noise).</source>
      <translation>当 init='subspace' 或 'data' 时：逆向过程起始的噪声水平 sqrt(1 - abar_t)（1：纯噪声）。</translation>
    </message>
    <message>
      <source>With init='subspace' or 'data': add fresh noise to the estimate at the start level (off: the estimate's own error is taken as that noise).</source>
      <translation>当 init='subspace' 或 'data' 时：在起始噪声水平向估计添加新的噪声（关闭：将估计自身的误差视为该噪声）。</translation>
    </message>
    <message>
      <source>With init='data': weight (relative) pulling the high-res coefficients towards the interpolated low-res ones where the MSI does not determine them.</source>
      <translation>当 init='data' 时：在 MSI 无法确定的地方，将高分辨率系数拉向插值后的低分辨率系数的（相对）权重。</translation>
    </message>
    <message>
      <source>Diffusion timesteps T used in training.</source>
      <translation>训练中使用的扩散时间步数 T。</translation>
    </message>
    <message>
      <source>Noise schedule.</source>
      <translation>噪声调度。</translation>
    </message>
    <message>
      <source>DDIM sampling steps.</source>
      <translation>DDIM 采样步数。</translation>
    </message>
    <message>
      <source>DDIM eta (0: deterministic updates).</source>
      <translation>DDIM eta（0：确定性更新）。</translation>
    </message>
    <message>
      <source>Where guidance gradients are taken: through both networks, through the spectral one only, w.r.t. the denoised estimates only (no network Jacobian), or none.</source>
      <translation>引导梯度的计算方式：通过两个网络、仅通过光谱网络、仅对去噪估计求导（不含网络雅可比矩阵），或不使用。</translation>
    </message>
    <message>
      <source>Guidance step on the coefficient maps A.</source>
      <translation>系数图 A 上的引导步长。</translation>
    </message>
    <message>
      <source>Guidance step on the spectral basis E.</source>
      <translation>光谱基 E 上的引导步长。</translation>
    </message>
    <message>
      <source>Scale the guidance steps by the noise level sqrt(1 - abar) of the step's target (the paper keeps them constant), so they vanish as the estimate becomes clean.</source>
      <translation>按该步目标的噪声水平 sqrt(1 - abar) 缩放引导步长（论文中保持不变），使其在估计变得干净时趋于零。</translation>
    </message>
    <message>
      <source>Weight of the HR-MSI term in the data-fit loss.</source>
      <translation>数据拟合损失中高分辨率 MSI 项的权重。</translation>
    </message>
    <message>
      <source>Adaptive residual guided module (one extra gradient step per sampling step).</source>
      <translation>自适应残差引导模块（每个采样步额外一次梯度步）。</translation>
    </message>
    <message>
      <source>ARGM step = guidance step / this ratio.</source>
      <translation>ARGM 步长 = 引导步长 / 此比值。</translation>
    </message>
    <message>
      <source>ARGM gradient steps per sampling step (paper: 1).</source>
      <translation>每个采样步的 ARGM 梯度步数（论文：1）。</translation>
    </message>
    <message>
      <source>Alternations of the blind PSF/SRF estimation (when they are not given).</source>
      <translation>盲估计 PSF/SRF 的交替次数（未给出它们时）。</translation>
    </message>
    <message>
      <source>Random seed (training and sampling).</source>
      <translation>随机种子（训练和采样）。</translation>
    </message>
    <message>
      <source>Torch CPU threads (0: leave as set).</source>
      <translation>Torch CPU 线程数（0：保持当前设置）。</translation>
    </message>
    <message>
      <source>Diffusion prior: 'bundled', 'scene' (trained on this scene) or a checkpoint file.</source>
      <translation>扩散先验：'bundled'（内置）、'scene'（在本场景上训练）或检查点文件。</translation>
    </message>
    <message>
      <source>Sampling steps (strided over the 1000-step exp schedule).</source>
      <translation>采样步数（在 1000 步的 exp 调度上跨步选取）。</translation>
    </message>
    <message>
      <source>Strength of the likelihood guidance (lambda; 0: unguided sampling).</source>
      <translation>似然引导强度（lambda；0：无引导采样）。</translation>
    </message>
    <message>
      <source>Guidance gradient w.r.t. A_t through the prior (DPS; slower) instead of gradient steps on the predicted clean image.</source>
      <translation>通过先验对 A_t 求引导梯度（DPS；较慢），而不是在预测的干净图像上做梯度步。</translation>
    </message>
    <message>
      <source>Step size (Adam) of the gradient steps on the predicted clean image.</source>
      <translation>在预测的干净图像上做梯度步的步长（Adam）。</translation>
    </message>
    <message>
      <source>Gradient steps on the predicted clean image per sampling step.</source>
      <translation>每个采样步在预测的干净图像上的梯度步数。</translation>
    </message>
    <message>
      <source>DDIM eta (1: ancestral sampling, 0: deterministic).</source>
      <translation>DDIM eta（1：祖先采样，0：确定性）。</translation>
    </message>
    <message>
      <source>Use the zero-shot guidance network f_psi (lambda1 term).</source>
      <translation>使用零样本引导网络 f_psi（lambda1 项）。</translation>
    </message>
    <message>
      <source>Weight of the f_psi term of the guidance.</source>
      <translation>引导中 f_psi 项的权重。</translation>
    </message>
    <message>
      <source>Weight of the PAN term of the NSSD loss.</source>
      <translation>NSSD 损失中 PAN 项的权重。</translation>
    </message>
    <message>
      <source>Training iterations of f_psi (reduced scale).</source>
      <translation>f_psi 的训练迭代次数（降尺度）。</translation>
    </message>
    <message>
      <source>Channels of f_psi's hidden layers.</source>
      <translation>f_psi 隐藏层的通道数。</translation>
    </message>
    <message>
      <source>Convolution layers of f_psi.</source>
      <translation>f_psi 的卷积层数。</translation>
    </message>
    <message>
      <source>f_psi works in the LR-HSI's leading k spectral directions (0: all bands).</source>
      <translation>f_psi 在低分辨率 HSI 的前 k 个主光谱方向上工作（0：全部波段）。</translation>
    </message>
    <message>
      <source>Train f_psi on the 8 flips/rotations of the pair.</source>
      <translation>在输入对的 8 种翻转/旋转上训练 f_psi。</translation>
    </message>
    <message>
      <source>Adam learning rate of f_psi (decayed by 0.8 every 1000 iterations).</source>
      <translation>f_psi 的 Adam 学习率（每 1000 次迭代乘以 0.8）。</translation>
    </message>
    <message>
      <source>Weight of f_psi's spatial/spectral degradation L1 terms.</source>
      <translation>f_psi 的空间/光谱降质 L1 项的权重。</translation>
    </message>
    <message>
      <source>Map the detail image to the HSI with the NSSD (else the fixed E).</source>
      <translation>用 NSSD 将细节图像映射到 HSI（否则使用固定的 E）。</translation>
    </message>
    <message>
      <source>NSSD rank r (spatial maps / spectral factors).</source>
      <translation>NSSD 秩 r（空间图 / 光谱因子）。</translation>
    </message>
    <message>
      <source>Channels of the NSSD spatial U-Net.</source>
      <translation>NSSD 空间 U-Net 的通道数。</translation>
    </message>
    <message>
      <source>Adam learning rate of the NSSD.</source>
      <translation>NSSD 的 Adam 学习率。</translation>
    </message>
    <message>
      <source>NSSD iterations of its first fit.</source>
      <translation>NSSD 首次拟合的迭代次数。</translation>
    </message>
    <message>
      <source>NSSD iterations at each later update.</source>
      <translation>NSSD 之后每次更新的迭代次数。</translation>
    </message>
    <message>
      <source>Fraction of the sampling steps after which the NSSD replaces E.</source>
      <translation>NSSD 取代 E 之前经过的采样步比例。</translation>
    </message>
    <message>
      <source>Refit the NSSD every this many steps once it is active.</source>
      <translation>NSSD 启用后，每隔这么多步重新拟合一次。</translation>
    </message>
    <message>
      <source>NSSD iterations on the final detail image.</source>
      <translation>在最终细节图像上的 NSSD 迭代次数。</translation>
    </message>
    <message>
      <source>Weight of the f_psi term in the NSSD loss (0: the paper's Eq. 14).</source>
      <translation>NSSD 损失中 f_psi 项的权重（0：论文公式 14）。</translation>
    </message>
    <message>
      <source>Iterations of the final consistency step (0: none).</source>
      <translation>最终一致性步骤的迭代次数（0：不执行）。</translation>
    </message>
    <message>
      <source>Weight keeping the consistency step close to M(A).</source>
      <translation>使一致性步骤保持接近 M(A) 的权重。</translation>
    </message>
    <message>
      <source>Weight of f_psi's image in the consistency step's anchor (the rest: M(A)).</source>
      <translation>一致性步骤锚点中 f_psi 图像的权重（其余为 M(A)）。</translation>
    </message>
    <message>
      <source>Training iterations of a 'scene' prior.</source>
      <translation>'scene' 先验的训练迭代次数。</translation>
    </message>
    <message>
      <source>Constrain an estimated PAN response to sum to one (same radiometric scale).</source>
      <translation>约束估计的 PAN 响应之和为一（相同的辐射尺度）。</translation>
    </message>
    <message>
      <source>Random seed.</source>
      <translation>随机种子。</translation>
    </message>
    <message>
      <source>auto, cpu or cuda.</source>
      <translation>auto、cpu 或 cuda。</translation>
    </message>
    <message>
      <source>Training iterations.</source>
      <translation>训练迭代次数。</translation>
    </message>
    <message>
      <source>Patches per iteration.</source>
      <translation>每次迭代的图像块数。</translation>
    </message>
    <message>
      <source>Patch size in PAN pixels (a multiple of the ratio).</source>
      <translation>图像块大小，以 PAN 像素计（比例的倍数）。</translation>
    </message>
    <message>
      <source>Peak learning rate (AdamW; cosine decay to lr/100).</source>
      <translation>峰值学习率（AdamW；余弦衰减至 lr/100）。</translation>
    </message>
    <message>
      <source>AdamW weight decay.</source>
      <translation>AdamW 权重衰减。</translation>
    </message>
    <message>
      <source>Weight of the boundary penalty.</source>
      <translation>边界惩罚的权重。</translation>
    </message>
    <message>
      <source>Gradient-norm clip (0 = none).</source>
      <translation>梯度范数裁剪（0 = 不裁剪）。</translation>
    </message>
    <message>
      <source>Linear learning-rate warm-up iterations.</source>
      <translation>学习率线性预热的迭代次数。</translation>
    </message>
    <message>
      <source>Network width (half/quarter resolution).</source>
      <translation>网络宽度（二分之一/四分之一分辨率）。</translation>
    </message>
    <message>
      <source>Network width at full resolution.</source>
      <translation>全分辨率下的网络宽度。</translation>
    </message>
    <message>
      <source>Wall-clock budget in seconds (0 = none): training stops at whichever of ITERATIONS or this comes first; the learning-rate decay follows the further-advanced of the two.</source>
      <translation>以秒计的时间预算（0 = 不限）：训练在 ITERATIONS 和此预算中先到者处停止；学习率衰减以两者中进度更快者为准。</translation>
    </message>
    <message>
      <source>Validate (and checkpoint) every this many iterations (0 = only at the end).</source>
      <translation>每隔这么多次迭代验证一次（并保存检查点）（0 = 仅在结束时）。</translation>
    </message>
    <message>
      <source>Sampling steps used for validation.</source>
      <translation>验证时使用的采样步数。</translation>
    </message>
    <message>
      <source>MS MTF gain(s) for Wald degradation of raster pairs (number, list or sensor).</source>
      <translation>对栅格对做 Wald 降质时的 MS MTF 增益（数值、列表或传感器）。</translation>
    </message>
    <message>
      <source>PAN MTF gain for Wald degradation of raster pairs.</source>
      <translation>对栅格对做 Wald 降质时的 PAN MTF 增益。</translation>
    </message>
    <message>
      <source>Stage 1 iterations (PLFE1 + kernel generators + pansharpener, L1).</source>
      <translation>阶段 1 迭代次数（PLFE1 + 卷积核生成器 + 锐化网络，L1）。</translation>
    </message>
    <message>
      <source>Stage 2 iterations (latent DDPM + PLFE2, jointly with the pansharpener).</source>
      <translation>阶段 2 迭代次数（潜在 DDPM + PLFE2，与锐化网络联合）。</translation>
    </message>
    <message>
      <source>Patch size in PAN pixels.</source>
      <translation>块大小（PAN 像素）。</translation>
    </message>
    <message>
      <source>Stage 1 peak learning rate (AdamW; cosine decay to lr/100).</source>
      <translation>阶段 1 的峰值学习率（AdamW；余弦衰减至 lr/100）。</translation>
    </message>
    <message>
      <source>Stage 2 peak learning rate.</source>
      <translation>阶段 2 的峰值学习率。</translation>
    </message>
    <message>
      <source>Linear learning-rate warm-up iterations (each stage).</source>
      <translation>学习率线性预热的迭代次数（每个阶段）。</translation>
    </message>
    <message>
      <source>Pansharpener width.</source>
      <translation>锐化网络宽度。</translation>
    </message>
    <message>
      <source>Latent code width C_z (tokens x C_z).</source>
      <translation>潜在编码宽度 C_z（词元数 x C_z）。</translation>
    </message>
    <message>
      <source>PLFE1 width (PLFE2 is half of it).</source>
      <translation>PLFE1 的宽度（PLFE2 为其一半）。</translation>
    </message>
    <message>
      <source>DDIM steps of the latent sampler in stage 2 and validation.</source>
      <translation>阶段 2 和验证中潜在采样器的 DDIM 步数。</translation>
    </message>
    <message>
      <source>Kernel modulation with the latent code (False: the plain PanNeXt-U ablation; stage 2 is skipped).</source>
      <translation>用潜在编码调制卷积核（False：纯 PanNeXt-U 消融实验；跳过阶段 2）。</translation>
    </message>
    <message>
      <source>Kernel generator: 'tucker' or 'mlp' (ablation).</source>
      <translation>卷积核生成器：'tucker' 或 'mlp'（消融实验）。</translation>
    </message>
    <message>
      <source>Wall-clock budget in seconds for both stages (0 = none), split in proportion to their iterations.</source>
      <translation>两个阶段的总时间预算（秒，0 = 不限），按迭代次数比例分配。</translation>
    </message>
    <message>
      <source>Validate (and checkpoint) every this many iterations (0 = at stage ends).</source>
      <translation>每隔这么多次迭代验证（并保存）一次（0 = 在每个阶段结束时）。</translation>
    </message>
    <message>
      <source>Consistency passes after sharpening: the result, low-passed with the MS MTF and sampled at the MS pixels, is pulled back to the MS by back-projection (-1 = automatic: 3 passes with the weights as trained, none after scene adaptation, where they measured worse; 0 = off).</source>
      <translation>锐化后的一致性迭代次数：将结果用多光谱 MTF 低通滤波并在多光谱像素处采样，再通过反向投影拉回到多光谱影像（-1 = 自动：直接使用训练权重时 3 次，场景自适应之后不做，因为实测效果更差；0 = 关闭）。</translation>
    </message>
    <message>
      <source>Scene adaptation: training iterations on the input pair degraded once more (0 = use the weights as they are).</source>
      <translation>场景适配：在再降质一次的输入对上的训练迭代次数（0 = 直接使用权重）。</translation>
    </message>
    <message>
      <source>Learning rate of scene adaptation (AdamW).</source>
      <translation>场景适配的学习率（AdamW）。</translation>
    </message>
    <message>
      <source>Patches per adaptation iteration.</source>
      <translation>每次适配迭代的图像块数。</translation>
    </message>
    <message>
      <source>Adaptation patch size (PAN pixels of the degraded pair).</source>
      <translation>适配图像块大小（降质图像对的 PAN 像素）。</translation>
    </message>
    <message>
      <source>MS MTF gain(s) at Nyquist for the adaptation's degradation and the consistency passes: a number, comma-separated per-band numbers, or a sensor name (e.g. worldview3).</source>
      <translation>多光谱 MTF 在奈奎斯特频率处的增益，用于自适应的降质和一致性迭代：一个数值、逗号分隔的逐波段数值，或传感器名称（例如 worldview3）。</translation>
    </message>
    <message>
      <source>PAN MTF gain at Nyquist for the adaptation's degradation.</source>
      <translation>适配降质所用的 PAN 奈奎斯特 MTF 增益。</translation>
    </message>
    <message>
      <source>Sampling steps (the chain has T = 15; fewer steps skip along it).</source>
      <translation>采样步数（链长 T = 15；步数更少时跳过部分步）。</translation>
    </message>
    <message>
      <source>Network width (half/quarter resolution) for a model fitted from scratch.</source>
      <translation>从零拟合模型时的网络宽度（二分之一/四分之一分辨率）。</translation>
    </message>
    <message>
      <source>Network width at full resolution for a model fitted from scratch.</source>
      <translation>从零拟合模型时全分辨率下的网络宽度。</translation>
    </message>
    <message>
      <source>Tile size (PAN pixels) for large images; tiles overlap by `overlap`.</source>
      <translation>大图像的分块大小（PAN 像素）；分块之间重叠 `overlap`。</translation>
    </message>
    <message>
      <source>Tile overlap in PAN pixels.</source>
      <translation>分块重叠（PAN 像素）。</translation>
    </message>
    <message>
      <source>Random seed (noise and adaptation patches).</source>
      <translation>随机种子（噪声和适配图像块）。</translation>
    </message>
    <message>
      <source>DDIM steps of the latent sampler (the image network runs once).</source>
      <translation>潜在采样器的 DDIM 步数（图像网络只运行一次）。</translation>
    </message>
    <message>
      <source>Self-ensemble: the network runs on the first N of the 8 flips/rotations of the image and the results are averaged (N times the network's time; -1 = automatic: 8 after scene adaptation, whose few training patches leave the model noisy, 1 otherwise).</source>
      <translation>自集成：网络在影像 8 种翻转/旋转中的前 N 种上运行，并对结果取平均（网络耗时为 N 倍；-1 = 自动：场景适应后为 8，因为少量训练块会使模型带噪，否则为 1）。</translation>
    </message>
    <message>
      <source>Pansharpener width for a model fitted from scratch.</source>
      <translation>从头拟合模型时锐化网络的宽度。</translation>
    </message>
    <message>
      <source>Image a model fitted from scratch refines (its LMS input and the base of its residual): 'mtfglphpm' or 'lms' (the upsampled MS).</source>
      <translation>从头拟合的模型所细化的影像（其 LMS 输入及残差的基准）：'mtfglphpm' 或 'lms'（上采样的 MS）。</translation>
    </message>
    <message>
      <source>Tile size (PAN pixels) of the network inside one image or scene tile.</source>
      <translation>网络在一幅图像或一个场景瓦片内部使用的瓦片大小（PAN 像素）。</translation>
    </message>
    <message>
      <source>Random seed (latent noise and adaptation patches).</source>
      <translation>随机种子（潜在噪声和适应所用的块）。</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 35 % and ERGAS by 31 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, then the 60 m bands when B60M is given, with their band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: about 10 CPU-minutes for a full 10980 x 10980 tile with the learned method (2 minutes of training, then about 4 s per 1024 x 1024 tile; measured at model level, 1 thread), about 1.2 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): the 60 m bands (B1, B9) in one raster, whose pixels must be 6 times the B10M ones; they are sharpened at ratio 6 by the same method, learned separately on them, and written after the 20 m bands (the product reader's 60 m output fits as it is). Nodata pixels of any input are written as nodata. On the benchmark crop (Wald's protocol at ratio 6) both methods lowered SAM and ERGAS about 3-fold against cubic upsampling; the learned method did not beat the regression there.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the difference between the learned method's output and the regression result (METHOD 0: between the regression result and cubic upsampling), calibrated on a Sentinel-2 crop by Wald's protocol so that about 90 % of true values lie within +-1.645 sigma (84 % on parts of the crop not used for calibration). Costs almost nothing; not written when empty.&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 10 米波段（B2、B3、B4、B8）将 Sentinel-2 的 20 米波段（B5、B6、B7、B8A、B11、B12）锐化至 10 米。任何像元大小之比为 2:1 的栅格对均可（比率由像元大小确定；不需要波段名称）；输入与其他算法一样按地理参考对齐。&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;：一个栅格中的 10 米波段，顺序为 B2、B3、B4、B8。&lt;b&gt;B20M&lt;/b&gt;：一个栅格中的 20 米波段，顺序为 B5、B6、B7、B8A、B11、B12。&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;回归 + 高通注入&lt;/i&gt;：对每个 20 米波段，在 20 米尺度上用最小二乘由 10 米波段合成一个波段，并将其细节以在低一级尺度上拟合的增益加到上采样后的波段上（数秒）。&lt;i&gt;在场景上学习&lt;/i&gt;（默认）：在场景本身上训练一个小网络（两个输入再降质一次：10 米降至 20 米，20 米降至 40 米，采用 Sentinel-2 的模糊），在回归结果的基础上恢复 20 米波段，然后应用于 10 米。在基准裁剪区上（Wald 协议，以真实 20 米波段评分），与三次上采样和回归方法中较好者相比，SAM 降低 35%，ERGAS 降低 31%。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：GeoTIFF（除非 OUTPUT_TYPE 另有指定，否则为 float32），包含 10 米网格上的 20 米波段，按 B20M 的顺序；给出 B60M 时其后为 60 米波段；保留波段名称和辐射单位。任一输入的无数据像元写为无数据。数值可以是 L1C/L2A 数字量或反射率；此处不去除 L2A 偏移（自基线 04.00 起为 -1000）：请使用产品读取器的输出，或事先去除（该方法对各波段共同的偏移是线性的，但输出会保留它）。&lt;/p&gt;&lt;p&gt;CPU 运行时间：使用学习方法处理一整景 10980 x 10980 图幅约需 10 个 CPU 分钟（训练 2 分钟，之后每个 1024 x 1024 图块约 4 秒；在模型层面、单线程测得），内存约 1.2 GB。在 GPU 上通常快数倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt;（可选）：60 米波段（B1、B9）置于一个栅格中，其像元必须是 B10M 像元的 6 倍；它们以比率 6 用同一方法锐化（在其自身上单独学习），写在 20 米波段之后（产品读取器的 60 米输出可直接使用）。任一输入的无数据像元写为无数据。在基准子区上（比率 6 的 Wald 协议），两种方法的 SAM 和 ERGAS 均比三次上采样降低约 3 倍；学习方法在那里并不优于回归方法。&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt;（可选）：输出网格上的 Float32 栅格，逐像元逐波段给出以输出单位表示的校准标准差，来自学习方法结果与回归结果之差（METHOD 0：回归结果与三次上采样之差）；在一个 Sentinel-2 子区上按 Wald 协议校准，使约 90% 的真值落在 +-1.645 sigma 之内（在该子区未用于校准的部分上为 84%）。几乎没有额外开销；留空时不写出。&lt;/p&gt;&lt;p&gt;参考文献：Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997（Wald 协议）；Aiazzi et al., PE&amp;amp;RS 2006（MTF-GLP 注入）；Lanaras et al., ISPRS J. Photogramm. 2018（DSen2，学习式 Sentinel-2 锐化）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 31 % and ERGAS by 28 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, then the 60 m bands when B60M is given, with their band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: about 10 CPU-minutes for a full 10980 x 10980 tile with the learned method (2 minutes of training, then about 4 s per 1024 x 1024 tile; measured at model level, 1 thread), about 1.2 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): the 60 m bands (B1, B9) in one raster, whose pixels must be 6 times the B10M ones; they are sharpened at ratio 6 by the same method, learned separately on them, and written after the 20 m bands (the product reader's 60 m output fits as it is). Nodata pixels of any input are written as nodata. On the benchmark crop (Wald's protocol at ratio 6) both methods lowered SAM and ERGAS about 3-fold against cubic upsampling; the learned method did not beat the regression there.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the difference between the learned method's output and the regression result (METHOD 0: between the regression result and cubic upsampling), calibrated on a Sentinel-2 crop by Wald's protocol so that about 90 % of true values lie within +-1.645 sigma (83 % on parts of the crop not used for calibration). Costs almost nothing; not written when empty.&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 10 米波段（B2、B3、B4、B8）将 Sentinel-2 的 20 米波段（B5、B6、B7、B8A、B11、B12）锐化至 10 米。任何像元大小之比为 2:1 的栅格对均可（比率由像元大小确定；不需要波段名称）；输入与其他算法一样按地理参考对齐。&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;：一个栅格中的 10 米波段，顺序为 B2、B3、B4、B8。&lt;b&gt;B20M&lt;/b&gt;：一个栅格中的 20 米波段，顺序为 B5、B6、B7、B8A、B11、B12。&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;回归 + 高通注入&lt;/i&gt;：对每个 20 米波段，在 20 米尺度上用最小二乘由 10 米波段合成一个波段，并将其细节以在低一级尺度上拟合的增益加到上采样后的波段上（数秒）。&lt;i&gt;在场景上学习&lt;/i&gt;（默认）：在场景本身上训练一个小网络（两个输入再降质一次：10 米降至 20 米，20 米降至 40 米，采用 Sentinel-2 的模糊），在回归结果的基础上恢复 20 米波段，然后应用于 10 米。在基准裁剪区上（Wald 协议，以真实 20 米波段评分），与三次上采样和回归方法中较好者相比，SAM 降低 31%，ERGAS 降低 28%。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：GeoTIFF（除非 OUTPUT_TYPE 另有指定，否则为 float32），包含 10 米网格上的 20 米波段，按 B20M 的顺序；给出 B60M 时其后为 60 米波段；保留波段名称和辐射单位。任一输入的无数据像元写为无数据。数值可以是 L1C/L2A 数字量或反射率；此处不去除 L2A 偏移（自基线 04.00 起为 -1000）：请使用产品读取器的输出，或事先去除（该方法对各波段共同的偏移是线性的，但输出会保留它）。&lt;/p&gt;&lt;p&gt;CPU 运行时间：使用学习方法处理一整景 10980 x 10980 图幅约需 10 个 CPU 分钟（训练 2 分钟，之后每个 1024 x 1024 图块约 4 秒；在模型层面、单线程测得），内存约 1.2 GB。在 GPU 上通常快数倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt;（可选）：60 米波段（B1、B9）置于一个栅格中，其像元必须是 B10M 像元的 6 倍；它们以比率 6 用同一方法锐化（在其自身上单独学习），写在 20 米波段之后（产品读取器的 60 米输出可直接使用）。任一输入的无数据像元写为无数据。在基准子区上（比率 6 的 Wald 协议），两种方法的 SAM 和 ERGAS 均比三次上采样降低约 3 倍；学习方法在那里并不优于回归方法。&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt;（可选）：输出网格上的 Float32 栅格，逐像元逐波段给出以输出单位表示的校准标准差，来自学习方法结果与回归结果之差（METHOD 0：回归结果与三次上采样之差）；在一个 Sentinel-2 子区上按 Wald 协议校准，使约 90% 的真值落在 +-1.645 sigma 之内（在该子区未用于校准的部分上为 83%）。几乎没有额外开销；留空时不写出。&lt;/p&gt;&lt;p&gt;参考文献：Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997（Wald 协议）；Aiazzi et al., PE&amp;amp;RS 2006（MTF-GLP 注入）；Lanaras et al., ISPRS J. Photogramm. 2018（DSen2，学习式 Sentinel-2 锐化）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 31 % and ERGAS by 28 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, then the 60 m bands when B60M is given, with their band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: about 6 CPU-minutes for a full 10980 x 10980 tile with the learned method (1 minute of training, then about 2.5 s per 1024 x 1024 tile; measured at model level, 1 thread), under 1 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): the 60 m bands (B1, B9) in one raster, whose pixels must be 6 times the B10M ones; they are sharpened at ratio 6 by the same method, learned separately on them, and written after the 20 m bands (the product reader's 60 m output fits as it is). Nodata pixels of any input are written as nodata. On the benchmark crop (Wald's protocol at ratio 6) both methods lowered SAM and ERGAS about 3-fold against cubic upsampling; the learned method did not beat the regression there.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the difference between the learned method's output and the regression result (METHOD 0: between the regression result and cubic upsampling), calibrated on a Sentinel-2 crop by Wald's protocol so that about 90 % of true values lie within +-1.645 sigma (83 % on parts of the crop not used for calibration). Costs almost nothing; not written when empty.&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 10 米波段（B2、B3、B4、B8）将 Sentinel-2 的 20 米波段（B5、B6、B7、B8A、B11、B12）锐化至 10 米。任何像元大小之比为 2:1 的栅格对均可（比率由像元大小确定；不需要波段名称）；输入与其他算法一样按地理参考对齐。&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;：一个栅格中的 10 米波段，顺序为 B2、B3、B4、B8。&lt;b&gt;B20M&lt;/b&gt;：一个栅格中的 20 米波段，顺序为 B5、B6、B7、B8A、B11、B12。&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;回归 + 高通注入&lt;/i&gt;：对每个 20 米波段，在 20 米尺度上用最小二乘由 10 米波段合成一个波段，并将其细节以在低一级尺度上拟合的增益加到上采样后的波段上（数秒）。&lt;i&gt;在场景上学习&lt;/i&gt;（默认）：在场景本身上训练一个小网络（两个输入再降质一次：10 米降至 20 米，20 米降至 40 米，采用 Sentinel-2 的模糊），在回归结果的基础上恢复 20 米波段，然后应用于 10 米。在基准裁剪区上（Wald 协议，以真实 20 米波段评分），与三次上采样和回归方法中较好者相比，SAM 降低 31%，ERGAS 降低 28%。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：GeoTIFF（除非 OUTPUT_TYPE 另有指定，否则为 float32），包含 10 米网格上的 20 米波段，按 B20M 的顺序；给出 B60M 时其后为 60 米波段；保留波段名称和辐射单位。任一输入的无数据像元写为无数据。数值可以是 L1C/L2A 数字量或反射率；此处不去除 L2A 偏移（自基线 04.00 起为 -1000）：请使用产品读取器的输出，或事先去除（该方法对各波段共同的偏移是线性的，但输出会保留它）。&lt;/p&gt;&lt;p&gt;CPU 运行时间：使用学习方法处理一整景 10980 x 10980 图幅约需 6 个 CPU 分钟（训练 1 分钟，之后每个 1024 x 1024 图块约 2.5 秒；在模型层面、单线程测得），内存不足 1 GB。在 GPU 上通常快数倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt;（可选）：60 米波段（B1、B9）置于一个栅格中，其像元必须是 B10M 像元的 6 倍；它们以比率 6 用同一方法锐化（在其自身上单独学习），写在 20 米波段之后（产品读取器的 60 米输出可直接使用）。任一输入的无数据像元写为无数据。在基准子区上（比率 6 的 Wald 协议），两种方法的 SAM 和 ERGAS 均比三次上采样降低约 3 倍；学习方法在那里并不优于回归方法。&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt;（可选）：输出网格上的 Float32 栅格，逐像元逐波段给出以输出单位表示的校准标准差，来自学习方法结果与回归结果之差（METHOD 0：回归结果与三次上采样之差）；在一个 Sentinel-2 子区上按 Wald 协议校准，使约 90% 的真值落在 +-1.645 sigma 之内（在该子区未用于校准的部分上为 83%）。几乎没有额外开销；留空时不写出。&lt;/p&gt;&lt;p&gt;参考文献：Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997（Wald 协议）；Aiazzi et al., PE&amp;amp;RS 2006（MTF-GLP 注入）；Lanaras et al., ISPRS J. Photogramm. 2018（DSen2，学习式 Sentinel-2 锐化）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 31 % and ERGAS by 28 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, then the 60 m bands when B60M is given, with their band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: about 6 CPU-minutes for a full 10980 x 10980 tile with the learned method (1 minute of training, then about 2.5 s per 1024 x 1024 tile; measured at model level, 1 thread), under 1 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): the 60 m bands (B1, B9) in one raster, whose pixels must be 6 times the B10M ones; they are sharpened at ratio 6 by the same method, learned separately on them, and written after the 20 m bands (the product reader's 60 m output fits as it is). Nodata pixels of any input are written as nodata.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the difference between the learned method's output and the regression result (METHOD 0: between the regression result and cubic upsampling), calibrated on a Sentinel-2 crop by Wald's protocol so that about 90 % of true values lie within +-1.645 sigma (83 % on parts of the crop not used for calibration). Costs almost nothing; not written when empty.&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 10 米波段（B2、B3、B4、B8）将 Sentinel-2 的 20 米波段（B5、B6、B7、B8A、B11、B12）锐化至 10 米。任何像元大小之比为 2:1 的栅格对均可（比率由像元大小确定；不需要波段名称）；输入与其他算法一样按地理参考对齐。&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;：一个栅格中的 10 米波段，顺序为 B2、B3、B4、B8。&lt;b&gt;B20M&lt;/b&gt;：一个栅格中的 20 米波段，顺序为 B5、B6、B7、B8A、B11、B12。&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;回归 + 高通注入&lt;/i&gt;：对每个 20 米波段，在 20 米尺度上用最小二乘由 10 米波段合成一个波段，并将其细节以在低一级尺度上拟合的增益加到上采样后的波段上（数秒）。&lt;i&gt;在场景上学习&lt;/i&gt;（默认）：在场景本身上训练一个小网络（两个输入再降质一次：10 米降至 20 米，20 米降至 40 米，采用 Sentinel-2 的模糊），在回归结果的基础上恢复 20 米波段，然后应用于 10 米。在基准裁剪区上（Wald 协议，以真实 20 米波段评分），与三次上采样和回归方法中较好者相比，SAM 降低 31%，ERGAS 降低 28%。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：GeoTIFF（除非 OUTPUT_TYPE 另有指定，否则为 float32），包含 10 米网格上的 20 米波段，按 B20M 的顺序；给出 B60M 时其后为 60 米波段；保留波段名称和辐射单位。任一输入的无数据像元写为无数据。数值可以是 L1C/L2A 数字量或反射率；此处不去除 L2A 偏移（自基线 04.00 起为 -1000）：请使用产品读取器的输出，或事先去除（该方法对各波段共同的偏移是线性的，但输出会保留它）。&lt;/p&gt;&lt;p&gt;CPU 运行时间：使用学习方法处理一整景 10980 x 10980 图幅约需 6 个 CPU 分钟（训练 1 分钟，之后每个 1024 x 1024 图块约 2.5 秒；在模型层面、单线程测得），内存不足 1 GB。在 GPU 上通常快数倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt;（可选）：60 米波段（B1、B9）置于一个栅格中，其像元必须是 B10M 像元的 6 倍；它们以比率 6 用同一方法锐化（在其自身上单独学习），写在 20 米波段之后（产品读取器的 60 米输出可直接使用）。任一输入的无数据像元写为无数据。&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt;（可选）：输出网格上的 Float32 栅格，逐像元逐波段给出以输出单位表示的校准标准差，来自学习方法结果与回归结果之差（METHOD 0：回归结果与三次上采样之差）；在一个 Sentinel-2 子区上按 Wald 协议校准，使约 90% 的真值落在 +-1.645 sigma 之内（在该子区未用于校准的部分上为 83%）。几乎没有额外开销；留空时不写出。&lt;/p&gt;&lt;p&gt;参考文献：Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997（Wald 协议）；Aiazzi et al., PE&amp;amp;RS 2006（MTF-GLP 注入）；Lanaras et al., ISPRS J. Photogramm. 2018（DSen2，学习式 Sentinel-2 锐化）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 31 % and ERGAS by 28 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, then the 60 m bands when B60M is given, with their band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: about 6 CPU-minutes for a full 10980 x 10980 tile with the learned method (1 minute of training, then about 2.5 s per 1024 x 1024 tile; measured at model level, 1 thread), under 1 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt; (optional): the 60 m bands (B1, B9) in one raster, whose pixels must be 6 times the B10M ones; they are sharpened at ratio 6 by the same method, learned separately on them, and written after the 20 m bands (the product reader's 60 m output fits as it is). Nodata pixels of any input are written as nodata.&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt; (optional): a Float32 raster on the output's grid with, per pixel and band, a calibrated standard deviation in the output's units, from the spread of the learned network over flips/rotations of the inputs and the regression result (METHOD 0: the regression result against cubic upsampling); about 90 % of true values lie within +-1.645 sigma on data like the calibration's (a Sentinel-2 crop, Wald's protocol). Not written, and no cost, when empty.&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 10 米波段（B2、B3、B4、B8）将 Sentinel-2 的 20 米波段（B5、B6、B7、B8A、B11、B12）锐化至 10 米。任何像元大小之比为 2:1 的栅格对均可（比率由像元大小确定；不需要波段名称）；输入与其他算法一样按地理参考对齐。&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;：一个栅格中的 10 米波段，顺序为 B2、B3、B4、B8。&lt;b&gt;B20M&lt;/b&gt;：一个栅格中的 20 米波段，顺序为 B5、B6、B7、B8A、B11、B12。&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;回归 + 高通注入&lt;/i&gt;：对每个 20 米波段，在 20 米尺度上用最小二乘由 10 米波段合成一个波段，并将其细节以在低一级尺度上拟合的增益加到上采样后的波段上（数秒）。&lt;i&gt;在场景上学习&lt;/i&gt;（默认）：在场景本身上训练一个小网络（两个输入再降质一次：10 米降至 20 米，20 米降至 40 米，采用 Sentinel-2 的模糊），在回归结果的基础上恢复 20 米波段，然后应用于 10 米。在基准裁剪区上（Wald 协议，以真实 20 米波段评分），与三次上采样和回归方法中较好者相比，SAM 降低 31%，ERGAS 降低 28%。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：GeoTIFF（除非 OUTPUT_TYPE 另有指定，否则为 float32），包含 10 米网格上的 20 米波段，按 B20M 的顺序；给出 B60M 时其后为 60 米波段；保留波段名称和辐射单位。任一输入的无数据像元写为无数据。数值可以是 L1C/L2A 数字量或反射率；此处不去除 L2A 偏移（自基线 04.00 起为 -1000）：请使用产品读取器的输出，或事先去除（该方法对各波段共同的偏移是线性的，但输出会保留它）。&lt;/p&gt;&lt;p&gt;CPU 运行时间：使用学习方法处理一整景 10980 x 10980 图幅约需 6 个 CPU 分钟（训练 1 分钟，之后每个 1024 x 1024 图块约 2.5 秒；在模型层面、单线程测得），内存不足 1 GB。在 GPU 上通常快数倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;B60M&lt;/b&gt;（可选）：60 米波段（B1、B9）置于一个栅格中，其像元必须是 B10M 像元的 6 倍；它们以比率 6 用同一方法锐化（在其自身上单独学习），写在 20 米波段之后（产品读取器的 60 米输出可直接使用）。任一输入的无数据像元写为无数据。&lt;/p&gt;&lt;p&gt;&lt;b&gt;UNCERTAINTY&lt;/b&gt;（可选）：输出网格上的 Float32 栅格，逐像元逐波段给出以输出单位表示的校准标准差，来自学习网络在输入翻转/旋转下的离散程度以及回归结果（METHOD 0：回归结果与三次上采样之比较）；在与校准数据（一个 Sentinel-2 子区，Wald 协议）相似的数据上，约 90% 的真值落在 +-1.645 sigma 之内。留空时不写出，也无额外开销。&lt;/p&gt;&lt;p&gt;参考文献：Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997（Wald 协议）；Aiazzi et al., PE&amp;amp;RS 2006（MTF-GLP 注入）；Lanaras et al., ISPRS J. Photogramm. 2018（DSen2，学习式 Sentinel-2 锐化）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Samples drawn for the UNCERTAINTY output: the learned network on flips/rotations of the inputs, plus the regression + high-pass injection result (with METHOD 0: that result and the cubic-upsampled bands, whatever K). It takes up to K times as long as the sharpened raster alone; the calibration was fitted with the default K.</source>
      <translation type="vanished">为 UNCERTAINTY 输出抽取的样本：学习网络在输入的翻转/旋转上运行的结果，加上回归 + 高通注入的结果（METHOD 0：该结果与三次上采样的波段，与 K 无关）。耗时最多为单独生成锐化栅格的 K 倍；校准是用默认 K 拟合的。</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands (B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;: the 10 m bands in one raster, in the order B2, B3, B4, B8. &lt;b&gt;B20M&lt;/b&gt;: the 20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;Regression + high-pass injection&lt;/i&gt;: for every 20 m band, a synthetic band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to the upsampled band with a gain fitted one level down (seconds). &lt;i&gt;Learned on the scene&lt;/i&gt; (default): a small network is trained on the scene itself (both inputs degraded once more: 10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, scored against the real 20 m bands) it lowered SAM by 31 % and ERGAS by 28 % against the best of cubic upsampling and the regression method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, band names and radiometric unit. Nodata pixels of either input are written as nodata. Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline 04.00) is not removed here: use the product reader's output or remove it first (the method is linear in an offset common to the bands, but the output keeps it).&lt;/p&gt;&lt;p&gt;Runtime on a CPU: about 6 CPU-minutes for a full 10980 x 10980 tile with the learned method (1 minute of training, then about 2.5 s per 1024 x 1024 tile; measured at model level, 1 thread), under 1 GB of memory. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;The 60 m bands (B1, B9) have no input of their own yet: a 60 m raster given as B20M is sharpened at ratio 6 by the same method (not benchmarked).&lt;/p&gt;&lt;p&gt;References: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997 (Wald's protocol); Aiazzi et al., PE&amp;amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned Sentinel-2 sharpening).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 10 米波段（B2、B3、B4、B8）将 Sentinel-2 的 20 米波段（B5、B6、B7、B8A、B11、B12）锐化至 10 米。任何像元大小之比为 2:1 的栅格对均可（比率由像元大小确定；不需要波段名称）；输入与其他算法一样按地理参考对齐。&lt;/p&gt;&lt;p&gt;&lt;b&gt;B10M&lt;/b&gt;：一个栅格中的 10 米波段，顺序为 B2、B3、B4、B8。&lt;b&gt;B20M&lt;/b&gt;：一个栅格中的 20 米波段，顺序为 B5、B6、B7、B8A、B11、B12。&lt;/p&gt;&lt;p&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;回归 + 高通注入&lt;/i&gt;：对每个 20 米波段，在 20 米尺度上用最小二乘由 10 米波段合成一个波段，并将其细节以在低一级尺度上拟合的增益加到上采样后的波段上（数秒）。&lt;i&gt;在场景上学习&lt;/i&gt;（默认）：在场景本身上训练一个小网络（两个输入再降质一次：10 米降至 20 米，20 米降至 40 米，采用 Sentinel-2 的模糊），在回归结果的基础上恢复 20 米波段，然后应用于 10 米。在基准裁剪区上（Wald 协议，以真实 20 米波段评分），与三次上采样和回归方法中较好者相比，SAM 降低 31%，ERGAS 降低 28%。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：GeoTIFF（除非 OUTPUT_TYPE 另有指定，否则为 float32），包含 10 米网格上的 20 米波段，按 B20M 的顺序，保留波段名称和辐射单位。任一输入的无数据像元写为无数据。数值可以是 L1C/L2A 数字量或反射率；此处不去除 L2A 偏移（自基线 04.00 起为 -1000）：请使用产品读取器的输出，或事先去除（该方法对各波段共同的偏移是线性的，但输出会保留它）。&lt;/p&gt;&lt;p&gt;CPU 运行时间：使用学习方法处理一整景 10980 x 10980 图幅约需 6 个 CPU 分钟（训练 1 分钟，之后每个 1024 x 1024 图块约 2.5 秒；在模型层面、单线程测得），内存不足 1 GB。在 GPU 上通常快数倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;60 米波段（B1、B9）尚无单独的输入：作为 B20M 给出的 60 米栅格将以比率 6 用同一方法锐化（未做基准测试）。&lt;/p&gt;&lt;p&gt;参考文献：Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997（Wald 协议）；Aiazzi et al., PE&amp;amp;RS 2006（MTF-GLP 注入）；Lanaras et al., ISPRS J. Photogramm. 2018（DSen2，学习式 Sentinel-2 锐化）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using ARGS-Diff: the result is modelled as coefficient maps times a few basis spectra; two small diffusion models trained on the scene itself (spectra of the HSI, patches of the MSI) are sampled under guidance by both inputs, with an adaptive residual step. No training data is needed. By default both inputs are denoised first and the sampling starts, at a low noise level, from the same subspace estimate as SDP's.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 20 s for MSI crops of 72-96 px at ratio 4 on 1 thread (measured, including training the two models); about 2.5 minutes for a 480 x 480 MSI with a 198-band HSI on 2 threads (measured); it grows with the number of pixels. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 ARGS-Diff 将低分辨率高光谱栅格（HSI）与高分辨率多光谱栅格（MSI）融合：结果被建模为系数图乘以少量基光谱；在场景本身上训练的两个小型扩散模型（HSI 的光谱、MSI 的图像块）在两个输入的引导下采样，并带有自适应残差步骤。无需训练数据。默认先对两个输入去噪，采样在较低噪声水平上从与 SDP 相同的子空间估计开始。&lt;/p&gt;&lt;p&gt;输入：覆盖同一区域的多波段 HSI（数十到数百个波段）和少波段 MSI（例如 3 到 8 个波段）；两者像元大小之比为 2 或以上的整数（例如 4；RATIO 可覆盖该值）。数值可以采用任意辐射单位（内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出各 MSI 波段在 HSI 波段上的响应（每个 MSI 波段一行）；留空：与 HSI 的模糊一样由输入对估计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 MSI 网格上的 HSI 波段，采用 HSI 的辐射尺度。CPU 运行时间：在 1 个线程上处理 72-96 像素、比例为 4 的 MSI 裁剪块约需 20 秒（实测，含两个模型的训练）；480 x 480 的 MSI 配 198 波段的 HSI 在 2 个线程上约需 2.5 分钟（实测）；随像素数增加。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;参考文献：Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a hyperspectral raster (HSI) with a panchromatic raster (PAN) using DM-ZS: a frozen 3-channel diffusion prior generates a detail image, guided by the inputs and by a small network trained on the scene itself at reduced scale (zero-shot); a neural spatial-spectral decomposition maps it to all HSI bands. No training data is needed.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and a one-band PAN covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 3 or 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the PAN's response over the HSI bands; empty: estimated from the pair. &lt;b&gt;PRIOR&lt;/b&gt;: the bundled small prior, one trained on this scene, or a checkpoint file (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; SR3-style U-Nets such as the PLRDiff/DM-ZS public prior load, a GPU is advised for those).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the PAN grid, in the HSI's radiometric scale. Runtime on a CPU with the bundled prior: about 1.5 minutes for a PAN of 92-96 px at ratio 4 on one thread (measured, including the training on the scene); about 10 minutes per 256 x 256 px tile of PAN with a 198-band HSI on 2 threads (measured), so large scenes take hours. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Xiao et al., hyperspectral pansharpening with pre-trained diffusion models, zero-shot guidance and NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 DM-ZS 以全色栅格（PAN）锐化高光谱栅格（HSI）：冻结的 3 通道扩散先验生成细节图像，由输入以及在场景本身降尺度数据上训练的小型网络（零样本）引导；神经空间-光谱分解将其映射到全部 HSI 波段。无需训练数据。&lt;/p&gt;&lt;p&gt;输入：覆盖同一区域的多波段 HSI（数十到数百个波段）和单波段 PAN；两者像元大小之比为 2 或以上的整数（例如 3 或 4；RATIO 可覆盖该值）。数值可以采用任意辐射单位（内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出 PAN 在 HSI 波段上的响应；留空：由输入对估计。&lt;b&gt;PRIOR&lt;/b&gt;：内置的小型先验、在本场景上训练的先验，或检查点文件（&lt;b&gt;PRIOR_FILE&lt;/b&gt;；可加载 SR3 风格的 U-Net，例如 PLRDiff/DM-ZS 公开的先验，建议对其使用 GPU）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 PAN 网格上的 HSI 波段，采用 HSI 的辐射尺度。使用内置先验时的 CPU 运行时间：在 1 个线程上处理 92-96 像素、比例为 4 的 PAN 约需 1.5 分钟（实测，含在场景上的训练）；在 2 个线程上，配 198 波段 HSI 时每个 256 x 256 PAN 像素的图块约需 10 分钟（实测），因此大场景需数小时。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;参考文献：Xiao 等，基于预训练扩散模型、零样本引导和 NSSD 的高光谱全色锐化（CVPR）；Rui 等，PLRDiff，Information Fusion 2024。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch and learns to refine an MTF-GLP-HPM fusion of the pair); an adapted model is averaged over the 8 flips and rotations of the image. Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU (measured on 2 cores): 0.06 s for 256 x 256 PAN pixels (about 30 times faster than ResPanDiff's 15 steps), about 1 megapixel of PAN per second on a 4000 x 4000 scene (1.4 at model level), plus the adaptation (0.1-0.3 s per iteration; an adapted model then sharpens 8 times slower); on a GPU several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 KSDiff 以全色栅格（PAN）锐化多光谱栅格（MS）：一个小型潜在扩散模型由 PAN 和 MS 采样出一个编码（在 256 个数上进行几步 DDIM），该编码为锐化网络的卷积核生成逐图像的调制（Tucker 形式），随后锐化网络（ConvNeXt U-Net）只运行一次。比像素空间扩散快得多。&lt;/p&gt;&lt;p&gt;输入：多光谱栅格 MS（内置权重需要 4 个波段）和覆盖同一区域的单波段 PAN，PAN 像元小 2 倍或 4 倍（比例由像元大小得出；RATIO 可覆盖该值）。数值可以采用任意辐射单位（任意位深的 DN、辐亮度、反射率；内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：随附权重在 Landsat-7 上训练（4 个波段，顺序为蓝、绿、红、近红外；比例 2 和 4）。用 &lt;b&gt;MS_BANDS&lt;/b&gt; 选择并排列 MS 波段（例如存储顺序为红、绿、蓝、近红外的文件用 3,2,1,4）。&lt;b&gt;WEIGHTS_FILE&lt;/b&gt; 使用由 &lt;i&gt;fusediff:train&lt;/i&gt;（METHOD KSDiff）训练的权重。&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 时先在再次降质的输入影像对上拟合模型（Wald 协议）：用于其他传感器或波段数（例如 8 波段 WorldView-3；此时从头拟合模型，它学习细化该影像对的 MTF-GLP-HPM 融合结果）；适应后的模型会对影像的 8 种翻转和旋转结果取平均。否则，波段数或比例与权重不符即为错误。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，MS 波段位于 PAN 网格上，保持 MS 的辐射尺度。CPU 上的运行时间（在 2 核上实测）：256 x 256 PAN 像素 0.06 秒（比 ResPanDiff 的 15 步快约 30 倍），4000 x 4000 场景每秒约 1 百万 PAN 像素（模型层面 1.4），另加适应时间（每次迭代 0.1-0.3 秒；适应后的模型锐化速度慢 8 倍）；在 GPU 上快数倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;参考文献：Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025)。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using ResPanDiff, a diffusion model that infers the residual between the upsampled MS and the sharp result in 15 steps.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; instead.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch, 300-1000 iterations, minutes on a CPU). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU: about 4-5 s for a 400 x 400 PAN with 15 steps on 2 threads (measured); a tile of 448 x 448 PAN pixels costs about 1 CPU-second plus 0.6-1.2 CPU-seconds per step (fewer STEPS are faster), plus the adaptation. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Cao, Deng, Deng, ResPanDiff, arXiv 2501.05091 (2025); its network's condition modules follow DDIF (Cao et al., Information Fusion 2024).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 ResPanDiff 以全色栅格（PAN）锐化多光谱栅格（MS）。ResPanDiff 是一种扩散模型，用 15 步推断上采样 MS 与锐化结果之间的残差。&lt;/p&gt;&lt;p&gt;输入：多光谱栅格 MS（内置权重需要 4 个波段）和覆盖同一区域的单波段 PAN，PAN 像元小 2 倍或 4 倍（比例由像元大小得出；RATIO 可覆盖该值）。数值可以采用任意辐射单位（任意位深的 DN、辐亮度、反射率；内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：内置权重在 Landsat-7 上训练（4 个波段，顺序为蓝、绿、红、近红外；比例 2 和比例 4）。用 &lt;b&gt;MS_BANDS&lt;/b&gt; 选择 MS 波段并排序（例如文件按红、绿、蓝、近红外存储时为 3,2,1,4）。&lt;b&gt;WEIGHTS_FILE&lt;/b&gt; 改用由 &lt;i&gt;fusediff:train&lt;/i&gt; 训练的权重。&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 时，先在再降质一次的输入对上拟合模型（Wald 协议）：适用于其他传感器或波段数（例如 8 波段的 WorldView-3；此时从零开始拟合模型，300-1000 次迭代，在 CPU 上需数分钟）。不进行适配时，波段数或比例与权重不一致会报错。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 PAN 网格上的 MS 波段，采用 MS 的辐射尺度。CPU 运行时间：在 2 个线程上以 15 步处理 400 x 400 的 PAN 约需 4-5 秒（实测）；每个 448 x 448 PAN 像素的图块约需 1 CPU 秒，外加每步 0.6-1.2 CPU 秒（STEPS 越少越快），另加适配时间。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;参考文献：Cao, Deng, Deng, ResPanDiff, arXiv 2501.05091 (2025)；网络的条件模块沿用 DDIF（Cao 等，Information Fusion 2024）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using SDP: a small diffusion model of spectra is trained on the HSI's own pixels (no training data needed), then the high-resolution cube is solved for so that it explains both inputs while its spectra stay plausible under that model. It starts from a fast least-squares estimate in the HSI's spectral subspace, made after both inputs' sensor noise has been suppressed (DENOISE).&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 20 s to 2 min for MSI crops of 72-96 px at ratio 4 on 2 threads (measured, including training the prior); about 8 minutes for a 480 x 480 MSI with a 198-band HSI (measured); it grows with the number of pixels and bands. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 SDP 将低分辨率高光谱栅格（HSI）与高分辨率多光谱栅格（MSI）融合：先在 HSI 自身的像素上训练一个小型光谱扩散模型（无需训练数据），然后求解高分辨率数据立方体，使其能解释两个输入，同时其光谱在该模型下保持合理。求解从 HSI 光谱子空间中的快速最小二乘估计开始，该估计在抑制两个输入的传感器噪声之后计算（DENOISE）。&lt;/p&gt;&lt;p&gt;输入：覆盖同一区域的多波段 HSI（数十到数百个波段）和少波段 MSI（例如 3 到 8 个波段）；两者像元大小之比为 2 或以上的整数（例如 4；RATIO 可覆盖该值）。数值可以采用任意辐射单位（内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出各 MSI 波段在 HSI 波段上的响应（每个 MSI 波段一行）；留空：与 HSI 的模糊一样由输入对估计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 MSI 网格上的 HSI 波段，采用 HSI 的辐射尺度。CPU 运行时间：在 2 个线程上处理 72-96 像素、比例为 4 的 MSI 裁剪块约需 20 秒到 2 分钟（实测，含先验训练）；480 x 480 的 MSI 配 198 波段的 HSI 约需 8 分钟（实测）；随像素数和波段数增加。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;参考文献：Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Scene scale: values divided by {0:g} (the {1:g}th percentile of the valid input values).</source>
      <translation type="vanished">场景缩放：数值除以 {0:g}（有效输入值的第 {1:g} 百分位数）。</translation>
    </message>
    <message>
      <source>The IKONOS-like response needs the reference's band wavelengths, which its metadata does not give: enter them in WAVELENGTHS (nm).</source>
      <translation type="vanished">类 IKONOS 响应需要参考的波段波长，但其元数据中没有：请在 WAVELENGTHS（纳米）中输入。</translation>
    </message>
    <message>
      <source>fusediff:{0} needs the Python package {1}, which is not installed for {2} ({3}); install it with '{2} -m pip install {4}' and run again.</source>
      <translation type="vanished">fusediff:{0} 需要 Python 包 {1}，但 {2} 未安装该包（{3}）；请用 '{2} -m pip install {4}' 安装后重新运行。</translation>
    </message>
    <message>
      <source>fusediff:{0} needs the Python package {1}, which is installed for {2} but cannot be loaded ({3}); reinstall it with '{2} -m pip install --force-reinstall {4}' and run again.</source>
      <translation type="vanished">fusediff:{0} 需要 Python 包 {1}，{2} 已安装但无法加载（{3}）；请用 '{2} -m pip install --force-reinstall {4}' 重新安装后再运行。</translation>
    </message>
    <message>
      <source>MS MTF gain(s) at Nyquist for the adaptation's degradation and the consistency passes: a number, comma-separated per-band numbers, or a sensor name.</source>
      <translation type="vanished">多光谱 MTF 在奈奎斯特频率处的增益，用于自适应的降质和一致性迭代：一个数值、逗号分隔的逐波段数值，或传感器名称。</translation>
    </message>
    <message>
      <source>Fusion</source>
      <translation type="vanished">融合</translation>
    </message>
    <message>
      <source>The inputs have no valid pixel in their common area (all nodata). Check the nodata value and the extents of the rasters.</source>
      <translation type="vanished">输入在其共同区域内没有有效像素（全部为无数据）。请检查无数据值和栅格范围。</translation>
    </message>
    <message>
      <source>The input values are all zero or negative; there is nothing to fuse. Check the input rasters.</source>
      <translation type="vanished">输入值全部为零或负数；没有可融合的内容。请检查输入栅格。</translation>
    </message>
    <message>
      <source>The input {0} is missing: choose a raster.</source>
      <translation type="vanished">缺少输入 {0}：请选择一个栅格。</translation>
    </message>
    <message>
      <source>PyTorch is not installed for the Python that QGIS uses. Install it with 'python3 -m pip install torch --index-url https://download.pytorch.org/whl/cpu' (CPU) or 'python3 -m pip install torch --index-url https://download.pytorch.org/whl/cu121' (NVIDIA GPU), using the python3 of your QGIS installation (on Windows: the OSGeo4W Shell), then restart QGIS. The classical methods work without PyTorch.</source>
      <translation type="vanished">QGIS 所用的 Python 未安装 PyTorch。请使用 QGIS 安装自带的 python3（Windows 上：OSGeo4W Shell）执行 'python3 -m pip install torch --index-url https://download.pytorch.org/whl/cpu'（CPU）或 'python3 -m pip install torch --index-url https://download.pytorch.org/whl/cu121'（NVIDIA GPU）进行安装，然后重启 QGIS。经典方法无需 PyTorch 即可使用。</translation>
    </message>
    <message>
      <source>PyTorch is installed for the Python that QGIS uses but cannot be loaded (a broken or incompatible installation, e.g. a missing library). Reinstall it with 'python3 -m pip install --force-reinstall torch --index-url https://download.pytorch.org/whl/cpu' (CPU) or 'python3 -m pip install --force-reinstall torch --index-url https://download.pytorch.org/whl/cu121' (NVIDIA GPU), using the python3 of your QGIS installation (on Windows: the OSGeo4W Shell), then restart QGIS. The classical methods work without PyTorch.</source>
      <translation type="vanished">QGIS 所用的 Python 已安装 PyTorch，但无法加载（安装损坏或不兼容，例如缺少某个库）。请使用 QGIS 安装自带的 python3（Windows 上：OSGeo4W Shell）执行 'python3 -m pip install --force-reinstall torch --index-url https://download.pytorch.org/whl/cpu'（CPU）或 'python3 -m pip install --force-reinstall torch --index-url https://download.pytorch.org/whl/cu121'（NVIDIA GPU）重新安装，然后重启 QGIS。经典方法无需 PyTorch 即可使用。</translation>
    </message>
    <message>
      <source>Sampling steps</source>
      <translation type="vanished">采样步数</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using ARGS-Diff: the result is modelled as coefficient maps times a few basis spectra; two small diffusion models trained on the scene itself (spectra of the HSI, patches of the MSI) are sampled under guidance by both inputs, with an adaptive residual step. No training data is needed.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 15 s for MSI crops of 72-96 px at ratio 4 on 2 threads (measured, including training the two models); about 1 minute for a 480 x 480 MSI with a 198-band HSI (measured); it grows with the number of pixels. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 ARGS-Diff 将低分辨率高光谱栅格（HSI）与高分辨率多光谱栅格（MSI）融合：结果被建模为系数图乘以少量基光谱；在场景本身上训练的两个小型扩散模型（HSI 的光谱、MSI 的图像块）在两个输入的引导下采样，并带有自适应残差步骤。无需训练数据。&lt;/p&gt;&lt;p&gt;输入：覆盖同一区域的多波段 HSI（数十到数百个波段）和少波段 MSI（例如 3 到 8 个波段）；两者像元大小之比为 2 或以上的整数（例如 4；RATIO 可覆盖该值）。数值可以采用任意辐射单位（内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出各 MSI 波段在 HSI 波段上的响应（每个 MSI 波段一行）；留空：与 HSI 的模糊一样由输入对估计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 MSI 网格上的 HSI 波段，采用 HSI 的辐射尺度。CPU 运行时间：在 2 个线程上处理 72-96 像素、比例为 4 的 MSI 裁剪块约需 15 秒（实测，含两个模型的训练）；480 x 480 的 MSI 配 198 波段的 HSI 约需 1 分钟（实测）；随像素数增加。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;参考文献：Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Start of the reverse process: 'noise' (A_T, E_T ~ N(0, I), as in the paper) or 'data' (a subspace estimate from the inputs, noised to timestep start*T).</source>
      <translation type="vanished">逆向过程的起点：'noise'（A_T, E_T ~ N(0, I)，与论文相同）或 'data'（由输入得到的子空间估计，加噪到时间步 start*T）。</translation>
    </message>
    <message>
      <source>With init='data': noise level sqrt(1 - abar_t) the reverse process starts from (1: pure noise).</source>
      <translation type="vanished">当 init='data' 时：逆向过程起始的噪声水平 sqrt(1 - abar_t)（1：纯噪声）。</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a hyperspectral raster (HSI) with a panchromatic raster (PAN) using DM-ZS: a frozen 3-channel diffusion prior generates a detail image, guided by the inputs and by a small network trained on the scene itself at reduced scale (zero-shot); a neural spatial-spectral decomposition maps it to all HSI bands. No training data is needed.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and a one-band PAN covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 3 or 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the PAN's response over the HSI bands; empty: estimated from the pair. &lt;b&gt;PRIOR&lt;/b&gt;: the bundled small prior, one trained on this scene, or a checkpoint file (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; SR3-style U-Nets such as the PLRDiff/DM-ZS public prior load, a GPU is advised for those).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the PAN grid, in the HSI's radiometric scale. Runtime on a CPU with the bundled prior: about 2-3 minutes for a PAN of 92-96 px at ratio 4 on one thread (measured, including the training on the scene); minutes for larger scenes. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Xiao et al., hyperspectral pansharpening with pre-trained diffusion models, zero-shot guidance and NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 DM-ZS 以全色栅格（PAN）锐化高光谱栅格（HSI）：冻结的 3 通道扩散先验生成细节图像，由输入以及在场景本身降尺度数据上训练的小型网络（零样本）引导；神经空间-光谱分解将其映射到全部 HSI 波段。无需训练数据。&lt;/p&gt;&lt;p&gt;输入：覆盖同一区域的多波段 HSI（数十到数百个波段）和单波段 PAN；两者像元大小之比为 2 或以上的整数（例如 3 或 4；RATIO 可覆盖该值）。数值可以采用任意辐射单位（内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出 PAN 在 HSI 波段上的响应；留空：由输入对估计。&lt;b&gt;PRIOR&lt;/b&gt;：内置的小型先验、在本场景上训练的先验，或检查点文件（&lt;b&gt;PRIOR_FILE&lt;/b&gt;；可加载 SR3 风格的 U-Net，例如 PLRDiff/DM-ZS 公开的先验，建议对其使用 GPU）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 PAN 网格上的 HSI 波段，采用 HSI 的辐射尺度。使用内置先验时的 CPU 运行时间：在 1 个线程上处理 92-96 像素、比例为 4 的 PAN 约需 2-3 分钟（实测，含在场景上的训练）；更大的场景需数分钟。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;参考文献：Xiao 等，基于预训练扩散模型、零样本引导和 NSSD 的高光谱全色锐化（CVPR）；Rui 等，PLRDiff，Information Fusion 2024。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using ARGS-Diff: the result is modelled as coefficient maps times a few basis spectra; two small diffusion models trained on the scene itself (spectra of the HSI, patches of the MSI) are sampled under guidance by both inputs, with an adaptive residual step. No training data is needed.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 15 s for MSI crops of 72-96 px at ratio 4 on 2 threads (measured, including training the two models); it grows with the number of pixels. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 ARGS-Diff 将低分辨率高光谱栅格（HSI）与高分辨率多光谱栅格（MSI）融合：结果被建模为系数图乘以少量基光谱；在场景本身上训练的两个小型扩散模型（HSI 的光谱、MSI 的图像块）在两个输入的引导下采样，并带有自适应残差步骤。无需训练数据。&lt;/p&gt;&lt;p&gt;输入：覆盖同一区域的多波段 HSI（数十到数百个波段）和少波段 MSI（例如 3 到 8 个波段）；两者像元大小之比为 2 或以上的整数（例如 4；RATIO 可覆盖该值）。数值可以采用任意辐射单位（内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出各 MSI 波段在 HSI 波段上的响应（每个 MSI 波段一行）；留空：与 HSI 的模糊一样由输入对估计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 MSI 网格上的 HSI 波段，采用 HSI 的辐射尺度。CPU 运行时间：在 2 个线程上处理 72-96 像素、比例为 4 的 MSI 裁剪块约需 15 秒（实测，含两个模型的训练）；随像素数增加。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;参考文献：Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using SDP: a small diffusion model of spectra is trained on the HSI's own pixels (no training data needed), then the high-resolution cube is solved for so that it explains both inputs while its spectra stay plausible under that model. It starts from a fast least-squares estimate in the HSI's spectral subspace, made after both inputs' sensor noise has been suppressed (DENOISE).&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 20 s to 2 min for MSI crops of 72-96 px at ratio 4 on 2 threads (measured, including training the prior); it grows with the number of pixels and bands. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 SDP 将低分辨率高光谱栅格（HSI）与高分辨率多光谱栅格（MSI）融合：先在 HSI 自身的像素上训练一个小型光谱扩散模型（无需训练数据），然后求解高分辨率数据立方体，使其能解释两个输入，同时其光谱在该模型下保持合理。求解从 HSI 光谱子空间中的快速最小二乘估计开始，该估计在抑制两个输入的传感器噪声之后计算（DENOISE）。&lt;/p&gt;&lt;p&gt;输入：覆盖同一区域的多波段 HSI（数十到数百个波段）和少波段 MSI（例如 3 到 8 个波段）；两者像元大小之比为 2 或以上的整数（例如 4；RATIO 可覆盖该值）。数值可以采用任意辐射单位（内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出各 MSI 波段在 HSI 波段上的响应（每个 MSI 波段一行）；留空：与 HSI 的模糊一样由输入对估计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 MSI 网格上的 HSI 波段，采用 HSI 的辐射尺度。CPU 运行时间：在 2 个线程上处理 72-96 像素、比例为 4 的 MSI 裁剪块约需 20 秒到 2 分钟（实测，含先验训练）；随像素数和波段数增加。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;参考文献：Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using SDP: a small diffusion model of spectra is trained on the HSI's own pixels (no training data needed), then the high-resolution cube is solved for so that it explains both inputs while its spectra stay plausible under that model. It starts from a fast least-squares estimate in the HSI's spectral subspace.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime on a CPU: about 20 s to 2 min for MSI crops of 72-96 px at ratio 4 on 2 threads (measured, including training the prior); it grows with the number of pixels and bands. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 SDP 将低分辨率高光谱栅格（HSI）与高分辨率多光谱栅格（MSI）融合：先在 HSI 自身的像素上训练一个小型光谱扩散模型（无需训练数据），然后求解高分辨率数据立方体，使其能解释两个输入，同时其光谱在该模型下保持合理。求解从 HSI 光谱子空间中的快速最小二乘估计开始。&lt;/p&gt;&lt;p&gt;输入：覆盖同一区域的多波段 HSI（数十到数百个波段）和少波段 MSI（例如 3 到 8 个波段）；两者像元大小之比为 2 或以上的整数（例如 4；RATIO 可覆盖该值）。数值可以采用任意辐射单位（内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出各 MSI 波段在 HSI 波段上的响应（每个 MSI 波段一行）；留空：与 HSI 的模糊一样由输入对估计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 MSI 网格上的 HSI 波段，采用 HSI 的辐射尺度。CPU 运行时间：在 2 个线程上处理 72-96 像素、比例为 4 的 MSI 裁剪块约需 20 秒到 2 分钟（实测，含先验训练）；随像素数和波段数增加。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;参考文献：Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Rank of the spectral subspace of the warm start.</source>
      <translation type="vanished">热启动光谱子空间的秩。</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a hyperspectral raster (HSI) with a panchromatic raster (PAN) using DM-ZS: a frozen 3-channel diffusion prior generates a detail image, guided by the inputs and by a small network trained on the scene itself at reduced scale (zero-shot); a neural spatial-spectral decomposition maps it to all HSI bands. No training data is needed.&lt;/p&gt;&lt;p&gt;Inputs: an HSI of many bands (tens to hundreds) and a one-band PAN covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 3 or 4; RATIO overrides it). Values may be in any radiometric unit (scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the PAN's response over the HSI bands; empty: estimated from the pair. &lt;b&gt;PRIOR&lt;/b&gt;: the bundled small prior, one trained on this scene, or a checkpoint file (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; SR3-style U-Nets such as the PLRDiff/DM-ZS public prior load, a GPU is advised for those).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the PAN grid, in the HSI's radiometric scale. Runtime on a CPU with the bundled prior: about 70-95 s for a PAN of 92-96 px at ratio 4 on 2 threads (measured, including the training on the scene); minutes for larger scenes. On a GPU typically several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Xiao et al., hyperspectral pansharpening with pre-trained diffusion models, zero-shot guidance and NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 DM-ZS 以全色栅格（PAN）锐化高光谱栅格（HSI）：冻结的 3 通道扩散先验生成细节图像，由输入以及在场景本身降尺度数据上训练的小型网络（零样本）引导；神经空间-光谱分解将其映射到全部 HSI 波段。无需训练数据。&lt;/p&gt;&lt;p&gt;输入：覆盖同一区域的多波段 HSI（数十到数百个波段）和单波段 PAN；两者像元大小之比为 2 或以上的整数（例如 3 或 4；RATIO 可覆盖该值）。数值可以采用任意辐射单位（内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出 PAN 在 HSI 波段上的响应；留空：由输入对估计。&lt;b&gt;PRIOR&lt;/b&gt;：内置的小型先验、在本场景上训练的先验，或检查点文件（&lt;b&gt;PRIOR_FILE&lt;/b&gt;；可加载 SR3 风格的 U-Net，例如 PLRDiff/DM-ZS 公开的先验，建议对其使用 GPU）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 PAN 网格上的 HSI 波段，采用 HSI 的辐射尺度。使用内置先验时的 CPU 运行时间：在 2 个线程上处理 92-96 像素、比例为 4 的 PAN 约需 70-95 秒（实测，含在场景上的训练）；更大的场景需数分钟。在 GPU 上通常快数倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;参考文献：Xiao 等，基于预训练扩散模型、零样本引导和 NSSD 的高光谱全色锐化（CVPR）；Rui 等，PLRDiff，Information Fusion 2024。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch and learns to refine an MTF-GLP-HPM fusion of the pair); an adapted model is averaged over the 8 flips and rotations of the image. Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU (measured on 2 cores): 0.06 s for 256 x 256 PAN pixels (about 30 times faster than ResPanDiff's 15 steps), about 0.7 megapixels of PAN per second on a 4000 x 4000 scene (1.4 at model level), plus the adaptation (0.1-0.3 s per iteration; an adapted model then sharpens 8 times slower); on a GPU several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 KSDiff 以全色栅格（PAN）锐化多光谱栅格（MS）：一个小型潜在扩散模型由 PAN 和 MS 采样出一个编码（在 256 个数上进行几步 DDIM），该编码为锐化网络的卷积核生成逐图像的调制（Tucker 形式），随后锐化网络（ConvNeXt U-Net）只运行一次。比像素空间扩散快得多。&lt;/p&gt;&lt;p&gt;输入：多光谱栅格 MS（内置权重需要 4 个波段）和覆盖同一区域的单波段 PAN，PAN 像元小 2 倍或 4 倍（比例由像元大小得出；RATIO 可覆盖该值）。数值可以采用任意辐射单位（任意位深的 DN、辐亮度、反射率；内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：随附权重在 Landsat-7 上训练（4 个波段，顺序为蓝、绿、红、近红外；比例 2 和 4）。用 &lt;b&gt;MS_BANDS&lt;/b&gt; 选择并排列 MS 波段（例如存储顺序为红、绿、蓝、近红外的文件用 3,2,1,4）。&lt;b&gt;WEIGHTS_FILE&lt;/b&gt; 使用由 &lt;i&gt;fusediff:train&lt;/i&gt;（METHOD KSDiff）训练的权重。&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 时先在再次降质的输入影像对上拟合模型（Wald 协议）：用于其他传感器或波段数（例如 8 波段 WorldView-3；此时从头拟合模型，它学习细化该影像对的 MTF-GLP-HPM 融合结果）；适应后的模型会对影像的 8 种翻转和旋转结果取平均。否则，波段数或比例与权重不符即为错误。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，MS 波段位于 PAN 网格上，保持 MS 的辐射尺度。CPU 上的运行时间（在 2 核上实测）：256 x 256 PAN 像素 0.06 秒（比 ResPanDiff 的 15 步快约 30 倍），4000 x 4000 场景每秒约 0.7 百万 PAN 像素（模型层面 1.4），另加适应时间（每次迭代 0.1-0.3 秒；适应后的模型锐化速度慢 8 倍）；在 GPU 上快数倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;参考文献：Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025)。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU (measured on 2 cores): 0.06 s for 256 x 256 PAN pixels (about 30 times faster than ResPanDiff's 15 steps), about 0.6 megapixels of PAN per second on a 4000 x 4000 scene (1.2 at model level), plus the adaptation (0.1-0.3 s per iteration); on a GPU several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 KSDiff 以全色栅格（PAN）锐化多光谱栅格（MS）：一个小型潜在扩散模型由 PAN 和 MS 采样出一个编码（在 256 个数上进行几步 DDIM），该编码为锐化网络的卷积核生成逐图像的调制（Tucker 形式），随后锐化网络（ConvNeXt U-Net）只运行一次。比像素空间扩散快得多。&lt;/p&gt;&lt;p&gt;输入：多光谱栅格 MS（内置权重需要 4 个波段）和覆盖同一区域的单波段 PAN，PAN 像元小 2 倍或 4 倍（比例由像元大小得出；RATIO 可覆盖该值）。数值可以采用任意辐射单位（任意位深的 DN、辐亮度、反射率；内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：随附权重在 Landsat-7 上训练（4 个波段，顺序为蓝、绿、红、近红外；比例 2 和 4）。用 &lt;b&gt;MS_BANDS&lt;/b&gt; 选择并排列 MS 波段（例如存储顺序为红、绿、蓝、近红外的文件用 3,2,1,4）。&lt;b&gt;WEIGHTS_FILE&lt;/b&gt; 使用由 &lt;i&gt;fusediff:train&lt;/i&gt;（METHOD KSDiff）训练的权重。&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 时先在再次降质的输入影像对上拟合模型（Wald 协议）：用于其他传感器或波段数（例如 8 波段 WorldView-3；此时从头拟合模型）。否则，波段数或比例与权重不符即为错误。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，MS 波段位于 PAN 网格上，保持 MS 的辐射尺度。CPU 上的运行时间（在 2 核上实测）：256 x 256 PAN 像素 0.06 秒（比 ResPanDiff 的 15 步快约 30 倍），4000 x 4000 场景每秒约 0.6 百万 PAN 像素（模型层面 1.2），另加适应时间（每次迭代 0.1-0.3 秒）；在 GPU 上快数倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;参考文献：Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025)。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU (measured on 2 cores): 0.06 s for 256 x 256 PAN pixels (29 times faster than ResPanDiff's 15 steps), about 0.5 megapixels of PAN per second on a 4000 x 4000 scene (0.8 at model level), plus the adaptation (0.1-0.3 s per iteration); on a GPU several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 KSDiff 以全色栅格（PAN）锐化多光谱栅格（MS）：一个小型潜在扩散模型由 PAN 和 MS 采样出一个编码（在 256 个数上进行几步 DDIM），该编码为锐化网络的卷积核生成逐图像的调制（Tucker 形式），随后锐化网络（ConvNeXt U-Net）只运行一次。比像素空间扩散快得多。&lt;/p&gt;&lt;p&gt;输入：多光谱栅格 MS（内置权重需要 4 个波段）和覆盖同一区域的单波段 PAN，PAN 像元小 2 倍或 4 倍（比例由像元大小得出；RATIO 可覆盖该值）。数值可以采用任意辐射单位（任意位深的 DN、辐亮度、反射率；内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：随附权重在 Landsat-7 上训练（4 个波段，顺序为蓝、绿、红、近红外；比例 2 和 4）。用 &lt;b&gt;MS_BANDS&lt;/b&gt; 选择并排列 MS 波段（例如存储顺序为红、绿、蓝、近红外的文件用 3,2,1,4）。&lt;b&gt;WEIGHTS_FILE&lt;/b&gt; 使用由 &lt;i&gt;fusediff:train&lt;/i&gt;（METHOD KSDiff）训练的权重。&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 时先在再次降质的输入影像对上拟合模型（Wald 协议）：用于其他传感器或波段数（例如 8 波段 WorldView-3；此时从头拟合模型）。否则，波段数或比例与权重不符即为错误。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，MS 波段位于 PAN 网格上，保持 MS 的辐射尺度。CPU 上的运行时间（在 2 核上实测）：256 x 256 PAN 像素 0.06 秒（比 ResPanDiff 的 15 步快 29 倍），4000 x 4000 场景每秒约 0.5 百万 PAN 像素（模型层面 0.8），另加适应时间（每次迭代 0.1-0.3 秒）；在 GPU 上快数倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;参考文献：Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025)。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>What the warm start's ridge pulls towards: a spectral regression of the MSI learned on the scene, or the cubic upsampling of the LR-HSI.</source>
      <translation type="vanished">热启动岭正则化的拉向目标：在场景上学习的 MSI 光谱回归，或低分辨率 HSI 的三次上采样。</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU (measured on a shared 2-core machine): 0.08 s for 256 x 256 PAN pixels (58 times faster than ResPanDiff's 15 steps), about 0.2-0.3 megapixels of PAN per second on a 4000 x 4000 scene, plus the adaptation (0.1-0.3 s per iteration); on a GPU several times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 KSDiff 以全色栅格（PAN）锐化多光谱栅格（MS）：一个小型潜在扩散模型由 PAN 和 MS 采样出一个编码（在 256 个数上进行几步 DDIM），该编码为锐化网络的卷积核生成逐图像的调制（Tucker 形式），随后锐化网络（ConvNeXt U-Net）只运行一次。比像素空间扩散快得多。&lt;/p&gt;&lt;p&gt;输入：多光谱栅格 MS（内置权重需要 4 个波段）和覆盖同一区域的单波段 PAN，PAN 像元小 2 倍或 4 倍（比例由像元大小得出；RATIO 可覆盖该值）。数值可以采用任意辐射单位（任意位深的 DN、辐亮度、反射率；内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：随附权重在 Landsat-7 上训练（4 个波段，顺序为蓝、绿、红、近红外；比例 2 和 4）。用 &lt;b&gt;MS_BANDS&lt;/b&gt; 选择并排列 MS 波段（例如存储顺序为红、绿、蓝、近红外的文件用 3,2,1,4）。&lt;b&gt;WEIGHTS_FILE&lt;/b&gt; 使用由 &lt;i&gt;fusediff:train&lt;/i&gt;（METHOD KSDiff）训练的权重。&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 时先在再次降质的输入影像对上拟合模型（Wald 协议）：用于其他传感器或波段数（例如 8 波段 WorldView-3；此时从头拟合模型）。否则，波段数或比例与权重不符即为错误。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，MS 波段位于 PAN 网格上，保持 MS 的辐射尺度。CPU 上的运行时间（在共享的 2 核机器上实测）：256 x 256 PAN 像素 0.08 秒（比 ResPanDiff 的 15 步快 58 倍），4000 x 4000 场景每秒约 0.2-0.3 百万 PAN 像素，另加适应时间（每次迭代 0.1-0.3 秒）；在 GPU 上快数倍（估计值；此处未测量）。&lt;/p&gt;&lt;p&gt;参考文献：Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025)。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Consistency passes after sharpening: the result, low-passed with the MS MTF and sampled at the MS pixels, is pulled back to the MS by back-projection (0 = off).</source>
      <translation type="vanished">锐化后的一致性迭代次数：将结果用多光谱 MTF 低通滤波并在多光谱像素处采样，再通过反向投影拉回到多光谱影像（0 = 关闭）。</translation>
    </message>
    <message>
      <source>MS MTF gain(s) at Nyquist for the adaptation's degradation: a number, comma-separated per-band numbers, or a sensor name.</source>
      <translation type="vanished">适应降质所用的 MS 在奈奎斯特频率处的 MTF 增益：一个数、逗号分隔的逐波段数值或传感器名称。</translation>
    </message>
    <message>
      <source>MS MTF gain(s) at Nyquist for the adaptation's degradation: a number, comma-separated per-band numbers, or a sensor name (e.g. worldview3).</source>
      <translation type="vanished">适配降质所用的 MS 奈奎斯特 MTF 增益：一个数、以逗号分隔的各波段数值，或传感器名称（例如 worldview3）。</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance; scaled internally).&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on 2 CPU cores: about 1 megapixel of PAN per second (a 4000 x 4000 scene in well under a minute), plus the adaptation (about 0.2 s per iteration); on a GPU several times faster (not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 KSDiff 以全色栅格（PAN）锐化多光谱栅格（MS）：一个小型潜在扩散模型由 PAN 和 MS 采样出一个编码（在 256 个数上进行几步 DDIM），该编码为锐化网络的卷积核生成逐图像的调制（Tucker 形式），随后锐化网络（ConvNeXt U-Net）只运行一次。比像素空间扩散快得多。&lt;/p&gt;&lt;p&gt;输入：多光谱栅格 MS（内置权重需要 4 个波段）和覆盖同一区域的单波段 PAN，PAN 像元小 2 倍或 4 倍（比例由像元大小得出；RATIO 可覆盖该值）。数值可以采用任意辐射单位（任意位深的 DN、辐亮度、反射率；内部会缩放）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：随附权重在 Landsat-7 上训练（4 个波段，顺序为蓝、绿、红、近红外；比例 2 和 4）。用 &lt;b&gt;MS_BANDS&lt;/b&gt; 选择并排列 MS 波段（例如存储顺序为红、绿、蓝、近红外的文件用 3,2,1,4）。&lt;b&gt;WEIGHTS_FILE&lt;/b&gt; 使用由 &lt;i&gt;fusediff:train&lt;/i&gt;（METHOD KSDiff）训练的权重。&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 时先在再次降质的输入影像对上拟合模型（Wald 协议）：用于其他传感器或波段数（例如 8 波段 WorldView-3；此时从头拟合模型）。否则，波段数或比例与权重不符即为错误。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，MS 波段位于 PAN 网格上，保持 MS 的辐射尺度。在 2 个 CPU 核上的运行时间：每秒约 1 百万 PAN 像素（4000 x 4000 的场景远少于一分钟），另加适应时间（每次迭代约 0.2 秒）；在 GPU 上快数倍（此处未测量）。&lt;/p&gt;&lt;p&gt;参考文献：Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025)。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Tile size (PAN pixels); each tile gets its own latent code and kernels.</source>
      <translation type="vanished">瓦片大小（PAN 像素）；每个瓦片有各自的潜在编码和卷积核。</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), the code generates per-image modulations of the pansharpener's convolution kernels (Tucker form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space diffusion.&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; (METHOD KSDiff).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on 2 CPU cores: about 1 megapixel of PAN per second (a 4000 x 4000 scene in well under a minute), plus the adaptation (about 0.2 s per iteration); on a GPU several times faster (not measured here).&lt;/p&gt;&lt;p&gt;Reference: Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 KSDiff 以全色栅格（PAN）锐化多光谱栅格（MS）：一个小型潜在扩散模型由 PAN 和 MS 采样出一个编码（在 256 个数上进行几步 DDIM），该编码为锐化网络的卷积核生成逐图像的调制（Tucker 形式），随后锐化网络（ConvNeXt U-Net）只运行一次。比像素空间扩散快得多。&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：随附权重在 Landsat-7 上训练（4 个波段，顺序为蓝、绿、红、近红外；比例 2 和 4）。用 &lt;b&gt;MS_BANDS&lt;/b&gt; 选择并排列 MS 波段（例如存储顺序为红、绿、蓝、近红外的文件用 3,2,1,4）。&lt;b&gt;WEIGHTS_FILE&lt;/b&gt; 使用由 &lt;i&gt;fusediff:train&lt;/i&gt;（METHOD KSDiff）训练的权重。&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 时先在再次降质的输入影像对上拟合模型（Wald 协议）：用于其他传感器或波段数（例如 8 波段 WorldView-3；此时从头拟合模型）。否则，波段数或比例与权重不符即为错误。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，MS 波段位于 PAN 网格上，保持 MS 的辐射尺度。在 2 个 CPU 核上的运行时间：每秒约 1 百万 PAN 像素（4000 x 4000 的场景远少于一分钟），另加适应时间（每次迭代约 0.2 秒）；在 GPU 上快数倍（此处未测量）。&lt;/p&gt;&lt;p&gt;参考文献：Jin, Cao, Deng, Kernel Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025)。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>ARGS-Diff finished in {0:.1f} s.</source>
      <translation type="vanished">ARGS-Diff 完成，用时 {0:.1f} 秒。</translation>
    </message>
    <message>
      <source>DM-ZS finished in {0:.1f} s (prior: {1}).</source>
      <translation type="vanished">DM-ZS 完成，用时 {0:.1f} 秒（先验：{1}）。</translation>
    </message>
    <message>
      <source>SDP finished in {0:.1f} s (PSF/SRF {1:.1f} s, prior {2:.1f} s, fusion {3:.1f} s).</source>
      <translation type="vanished">SDP 完成，用时 {0:.1f} 秒（PSF/SRF {1:.1f} 秒，先验 {2:.1f} 秒，融合 {3:.1f} 秒）。</translation>
    </message>
    <message>
      <source>Train pansharpening weights (ResPanDiff)</source>
      <translation type="vanished">训练全色锐化权重（ResPanDiff）</translation>
    </message>
    <message>
      <source>&lt;p&gt;Trains ResPanDiff weights for a sensor. Give either full-resolution &lt;b&gt;PANS&lt;/b&gt; and &lt;b&gt;MSS&lt;/b&gt; raster lists (pairs in the same order; each pair is degraded by its ratio with MTF-matched Gaussians, Wald's protocol, and random patches of the degraded pair are learnt) or a PanCollection-style &lt;b&gt;HDF5&lt;/b&gt; file (datasets gt, ms, lms, pan, scaled by their maximum value). &lt;b&gt;MS_BANDS&lt;/b&gt; picks and orders the MS bands (e.g. 3,2,1,4).&lt;/p&gt;&lt;p&gt;Inputs: one-band PAN rasters and MS rasters of 2 bands or more (the same bands in every pair), with PAN pixels a whole number of times smaller (the same ratio for every pair; RATIO overrides it). Values may be in any radiometric unit; each pair is scaled by its own robust maximum.&lt;/p&gt;&lt;p&gt;With several pairs the last one is used for validation (SAM, ERGAS and Q logged). &lt;b&gt;RESUME&lt;/b&gt; continues from a weights file. &lt;b&gt;OUTPUT&lt;/b&gt;: the weights (.pt) with a JSON model card beside it; use them as WEIGHTS_FILE of ResPanDiff.&lt;/p&gt;&lt;p&gt;Runtime: about 1 s per iteration of 8 patches of 64 x 64 on one CPU core (measured). On a GPU typically several to tens of times faster (an estimate; not measured here).&lt;/p&gt;&lt;p&gt;Reference: Cao, Deng, Deng, ResPanDiff: Diffusion Model for Pansharpening by Inferring Residual Inference, arXiv 2501.05091 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;为某一传感器训练 ResPanDiff 权重。可提供全分辨率的 &lt;b&gt;PANS&lt;/b&gt; 和 &lt;b&gt;MSS&lt;/b&gt; 栅格列表（按相同顺序成对；每对按其比例用 MTF 匹配的高斯核降质，即 Wald 协议，并从降质后的图像对中随机抽取图像块进行学习），或 PanCollection 风格的 &lt;b&gt;HDF5&lt;/b&gt; 文件（数据集 gt、ms、lms、pan，按其最大值缩放）。&lt;b&gt;MS_BANDS&lt;/b&gt; 选择 MS 波段并排序（例如 3,2,1,4）。&lt;/p&gt;&lt;p&gt;输入：单波段 PAN 栅格和 2 个或更多波段的 MS 栅格（每对的波段相同），PAN 像元小整数倍（每对比例相同；RATIO 可覆盖该值）。数值可以采用任意辐射单位；每对按其自身的稳健最大值缩放。&lt;/p&gt;&lt;p&gt;有多对时，最后一对用于验证（记录 SAM、ERGAS 和 Q）。&lt;b&gt;RESUME&lt;/b&gt; 从权重文件继续训练。&lt;b&gt;OUTPUT&lt;/b&gt;：权重（.pt）及其旁边的 JSON 模型卡；将其作为 ResPanDiff 的 WEIGHTS_FILE 使用。&lt;/p&gt;&lt;p&gt;运行时间：在单个 CPU 核上，每次迭代（8 个 64 x 64 的图像块）约 1 秒（实测）。在 GPU 上通常快数倍到数十倍（估计值，此处未实测）。&lt;/p&gt;&lt;p&gt;参考文献：Cao, Deng, Deng，ResPanDiff: Diffusion Model for Pansharpening by Inferring Residual Inference，arXiv 2501.05091 (2025)。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using ARGS-Diff: the result is modelled as coefficient maps times a few basis spectra; two small diffusion models trained on the scene itself (spectra of the HSI, patches of the MSI) are sampled under guidance by both inputs, with an adaptive residual step. No training data is needed.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime: a few minutes for a 100 x 100 MSI on a CPU.&lt;/p&gt;&lt;p&gt;Reference: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 ARGS-Diff 将低分辨率高光谱栅格（HSI）与高分辨率多光谱栅格（MSI）融合：结果被建模为系数图乘以少量基光谱；在场景本身上训练的两个小型扩散模型（HSI 的光谱、MSI 的图像块）在两个输入的引导下采样，并带有自适应残差步骤。无需训练数据。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出各 MSI 波段在 HSI 波段上的响应（每个 MSI 波段一行）；留空：与 HSI 的模糊一样由输入对估计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 MSI 网格上的 HSI 波段，采用 HSI 的辐射尺度。运行时间：在 CPU 上处理 100 x 100 的 MSI 需要几分钟。&lt;/p&gt;&lt;p&gt;参考文献：Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Measures the quality of a fused raster.&lt;/p&gt;&lt;p&gt;With a &lt;b&gt;REFERENCE&lt;/b&gt; (e.g. the input of Simulate a fusion pair): PSNR (dB), SSIM, SAM (degrees), ERGAS, RMSE, Q2n (Q4/Q8) and SCC, on both rasters divided by the reference's maximum, leaving out a border of RATIO pixels. FUSED and REFERENCE must be on the same grid. RATIO defaults to the pixel-size ratio of MS to FUSED when MS is given.&lt;/p&gt;&lt;p&gt;Without a reference, from the low-resolution &lt;b&gt;MS&lt;/b&gt; and the &lt;b&gt;PAN&lt;/b&gt; that were fused: D_lambda, D_s, QNR and HQNR at full resolution (Alparone et al. 2008; Khan et al. 2009). FUSED must cover the PAN/MS overlap on the PAN grid.&lt;/p&gt;&lt;p&gt;The values are printed to the log, written to OUTPUT_REPORT (HTML, or CSV when the file name ends in .csv) and returned as numeric outputs for the graphical modeler.&lt;/p&gt;&lt;p&gt;Runtime: seconds on a CPU for a 2000 x 2000 raster (no GPU needed).&lt;/p&gt;&lt;p&gt;References: Wald 2002 (ERGAS); Garzelli &amp;amp; Nencini 2009 (Q2n); Vivone et al., IEEE TGRS 2015 (protocol).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;测量融合栅格的质量。&lt;/p&gt;&lt;p&gt;有&lt;b&gt;参考（REFERENCE）&lt;/b&gt;时（例如“模拟融合对”的输入）：在两幅栅格都除以参考的最大值后，去除 RATIO 个像素宽的边缘，计算 PSNR（dB）、SSIM、SAM（度）、ERGAS、RMSE、Q2n（Q4/Q8）和 SCC。FUSED 与 REFERENCE 必须位于同一网格。给出 MS 时，RATIO 默认为 MS 与 FUSED 的像元大小之比。&lt;/p&gt;&lt;p&gt;无参考时，根据参与融合的低分辨率 &lt;b&gt;MS&lt;/b&gt; 和 &lt;b&gt;PAN&lt;/b&gt;：在全分辨率下计算 D_lambda、D_s、QNR 和 HQNR（Alparone 等 2008；Khan 等 2009）。FUSED 必须在 PAN 网格上覆盖 PAN/MS 的重叠区域。&lt;/p&gt;&lt;p&gt;结果输出到日志，写入 OUTPUT_REPORT（HTML；文件名以 .csv 结尾时为 CSV），并作为数值输出返回供图形建模器使用。&lt;/p&gt;&lt;p&gt;运行时间：在 CPU 上处理 2000 x 2000 的栅格需数秒（无需 GPU）。&lt;/p&gt;&lt;p&gt;参考文献：Wald 2002（ERGAS）；Garzelli &amp;amp; Nencini 2009（Q2n）；Vivone 等，IEEE TGRS 2015（评估协议）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a hyperspectral raster (HSI) with a panchromatic raster (PAN) using DM-ZS: a frozen 3-channel diffusion prior generates a detail image, guided by the inputs and by a small network trained on the scene itself at reduced scale (zero-shot); a neural spatial-spectral decomposition maps it to all HSI bands. No training data is needed.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the PAN's response over the HSI bands; empty: estimated from the pair. &lt;b&gt;PRIOR&lt;/b&gt;: the bundled small prior, one trained on this scene, or a checkpoint file (&lt;b&gt;PRIOR_FILE&lt;/b&gt;; SR3-style U-Nets such as the PLRDiff/DM-ZS public prior load, a GPU is advised for those).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the PAN grid, in the HSI's radiometric scale. Runtime: minutes for a 100 x 100 PAN on a CPU.&lt;/p&gt;&lt;p&gt;Reference: Xiao et al., hyperspectral pansharpening with pre-trained diffusion models, zero-shot guidance and NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 DM-ZS 以全色栅格（PAN）锐化高光谱栅格（HSI）：冻结的 3 通道扩散先验生成细节图像，由输入以及在场景本身降尺度数据上训练的小型网络（零样本）引导；神经空间-光谱分解将其映射到全部 HSI 波段。无需训练数据。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出 PAN 在 HSI 波段上的响应；留空：由输入对估计。&lt;b&gt;PRIOR&lt;/b&gt;：内置的小型先验、在本场景上训练的先验，或检查点文件（&lt;b&gt;PRIOR_FILE&lt;/b&gt;；可加载 SR3 风格的 U-Net，例如 PLRDiff/DM-ZS 公开的先验，建议对其使用 GPU）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 PAN 网格上的 HSI 波段，采用 HSI 的辐射尺度。运行时间：在 CPU 上处理 100 x 100 的 PAN 需数分钟。&lt;/p&gt;&lt;p&gt;参考文献：Xiao 等，基于预训练扩散模型、零样本引导和 NSSD 的高光谱全色锐化（CVPR）；Rui 等，PLRDiff，Information Fusion 2024。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using ResPanDiff, a diffusion model that infers the residual between the upsampled MS and the sharp result in 15 steps.&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with &lt;b&gt;MS_BANDS&lt;/b&gt; (e.g. 3,2,1,4 for a file storing Red, Green, Blue, NIR). &lt;b&gt;WEIGHTS_FILE&lt;/b&gt; uses weights trained with &lt;i&gt;fusediff:train&lt;/i&gt; instead.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 first fits the model on the input pair degraded once more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then fitted from scratch, 300-1000 iterations, minutes on a CPU). Without it, a band count or ratio that differs from the weights' is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric scale. Runtime: a few seconds for 256 x 256 PAN pixels on a CPU, plus the adaptation.&lt;/p&gt;&lt;p&gt;Reference: Cao, Deng, Deng, ResPanDiff, arXiv 2501.05091 (2025).&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 ResPanDiff 以全色栅格（PAN）锐化多光谱栅格（MS）。ResPanDiff 是一种扩散模型，用 15 步推断上采样 MS 与锐化结果之间的残差。&lt;/p&gt;&lt;p&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：内置权重在 Landsat-7 上训练（4 个波段，顺序为蓝、绿、红、近红外；比例 2 和比例 4）。用 &lt;b&gt;MS_BANDS&lt;/b&gt; 选择 MS 波段并排序（例如文件按红、绿、蓝、近红外存储时为 3,2,1,4）。&lt;b&gt;WEIGHTS_FILE&lt;/b&gt; 改用由 &lt;i&gt;fusediff:train&lt;/i&gt; 训练的权重。&lt;/p&gt;&lt;p&gt;&lt;b&gt;ADAPT_ITERS&lt;/b&gt; &amp;gt; 0 时，先在再降质一次的输入对上拟合模型（Wald 协议）：适用于其他传感器或波段数（例如 8 波段的 WorldView-3；此时从零开始拟合模型，300-1000 次迭代，在 CPU 上需数分钟）。不进行适配时，波段数或比例与权重不一致会报错。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 PAN 网格上的 MS 波段，采用 MS 的辐射尺度。运行时间：在 CPU 上处理 256 x 256 个 PAN 像素需数秒，另加适配时间。&lt;/p&gt;&lt;p&gt;参考文献：Cao, Deng, Deng, ResPanDiff, arXiv 2501.05091 (2025)。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral raster (MSI) using SDP: a small diffusion model of spectra is trained on the HSI's own pixels (no training data needed), then the high-resolution cube is solved for so that it explains both inputs while its spectra stay plausible under that model. It starts from a fast least-squares estimate in the HSI's spectral subspace.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI band); empty: estimated from the pair, as is the HSI's blur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric scale. Runtime: a few minutes for a 100 x 100 MSI on a CPU.&lt;/p&gt;&lt;p&gt;Reference: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;使用 SDP 将低分辨率高光谱栅格（HSI）与高分辨率多光谱栅格（MSI）融合：先在 HSI 自身的像素上训练一个小型光谱扩散模型（无需训练数据），然后求解高分辨率数据立方体，使其能解释两个输入，同时其光谱在该模型下保持合理。求解从 HSI 光谱子空间中的快速最小二乘估计开始。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SRF&lt;/b&gt;：可选的 CSV 文件，给出各 MSI 波段在 HSI 波段上的响应（每个 MSI 波段一行）；留空：与 HSI 的模糊一样由输入对估计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：float32 GeoTIFF，包含 MSI 网格上的 HSI 波段，采用 HSI 的辐射尺度。运行时间：在 CPU 上处理 100 x 100 的 MSI 需要几分钟。&lt;/p&gt;&lt;p&gt;参考文献：Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image Super-Resolution, IEEE TGRS 62, 2024。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Simulates the inputs of a fusion method from a reference image (Wald's protocol), so a fused result can be compared with the reference (see Assess fusion quality).&lt;/p&gt;&lt;p&gt;&lt;b&gt;REFERENCE&lt;/b&gt;: a multispectral or hyperspectral raster (2 bands or more); band wavelengths are read from its metadata or given in WAVELENGTHS (nm).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_LOWRES&lt;/b&gt;: the reference blurred by the PSF and decimated by RATIO (pixels 0, r, 2r...; its origin is shifted by -(r-1)/2 reference pixels so each pixel sits on the reference pixel it was taken from). &lt;b&gt;OUTPUT_HIGHRES&lt;/b&gt;: the spectral response applied to the reference on its own grid: a PAN (mean of the bands in 450-900 nm), IKONOS-like Blue/Green/Red/NIR bands, or the response in a CSV file (one row per output band, one column per reference band). SNR adds Gaussian noise whose power is SNR dB below each band's mean signal power (0: no noise); SEED makes it repeatable.&lt;/p&gt;&lt;p&gt;Runtime: about a second per 1000 x 1000 x 100 values on a CPU (no GPU needed; the whole reference is held in memory).&lt;/p&gt;&lt;p&gt;Reference: Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;根据参考图像模拟融合方法的输入（Wald 协议），以便将融合结果与参考进行比较（见“评估融合质量”）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;REFERENCE&lt;/b&gt;：多光谱或高光谱栅格（2 个或更多波段）；波段波长从其元数据读取，或在 WAVELENGTHS（纳米）中给出。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_LOWRES&lt;/b&gt;：参考经 PSF 模糊并按 RATIO 抽取（像素 0、r、2r……；其原点偏移 -(r-1)/2 个参考像素，使每个像素位于其取自的参考像素上）。&lt;b&gt;OUTPUT_HIGHRES&lt;/b&gt;：在参考自身网格上施加光谱响应：PAN（450-900 纳米内波段的均值）、类 IKONOS 的蓝/绿/红/近红外波段，或 CSV 文件中的响应（每个输出波段一行，每个参考波段一列）。SNR 添加高斯噪声，其功率比各波段平均信号功率低 SNR dB（0：无噪声）；SEED 使结果可重复。&lt;/p&gt;&lt;p&gt;运行时间：在 CPU 上每 1000 x 1000 x 100 个值约需一秒（无需 GPU；整个参考保存在内存中）。&lt;/p&gt;&lt;p&gt;参考文献：Wald, Ranchin, Mangolini, PE&amp;amp;RS 1997。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Trains ResPanDiff weights for a sensor. Give either full-resolution &lt;b&gt;PANS&lt;/b&gt; and &lt;b&gt;MSS&lt;/b&gt; raster lists (pairs in the same order; each pair is degraded by its ratio with MTF-matched Gaussians, Wald's protocol, and random patches of the degraded pair are learnt) or a PanCollection-style &lt;b&gt;HDF5&lt;/b&gt; file (datasets gt, ms, lms, pan, scaled by their maximum value). &lt;b&gt;MS_BANDS&lt;/b&gt; picks and orders the MS bands (e.g. 3,2,1,4).&lt;/p&gt;&lt;p&gt;With several pairs the last one is used for validation (SAM, ERGAS and Q logged). &lt;b&gt;RESUME&lt;/b&gt; continues from a weights file. &lt;b&gt;OUTPUT&lt;/b&gt;: the weights (.pt) with a JSON model card beside it; use them as WEIGHTS_FILE of ResPanDiff.&lt;/p&gt;&lt;p&gt;Runtime: about 1 s per iteration of 8 patches of 64 x 64 on one CPU core; a GPU is much faster.&lt;/p&gt;</source>
      <translation type="vanished">&lt;p&gt;为某一传感器训练 ResPanDiff 权重。可提供全分辨率的 &lt;b&gt;PANS&lt;/b&gt; 和 &lt;b&gt;MSS&lt;/b&gt; 栅格列表（按相同顺序成对；每对按其比例用 MTF 匹配的高斯核降质，即 Wald 协议，并从降质后的图像对中随机抽取图像块进行学习），或 PanCollection 风格的 &lt;b&gt;HDF5&lt;/b&gt; 文件（数据集 gt、ms、lms、pan，按其最大值缩放）。&lt;b&gt;MS_BANDS&lt;/b&gt; 选择 MS 波段并排序（例如 3,2,1,4）。&lt;/p&gt;&lt;p&gt;有多对时，最后一对用于验证（记录 SAM、ERGAS 和 Q）。&lt;b&gt;RESUME&lt;/b&gt; 从权重文件继续训练。&lt;b&gt;OUTPUT&lt;/b&gt;：权重（.pt）及其旁边的 JSON 模型卡；将其作为 ResPanDiff 的 WEIGHTS_FILE 使用。&lt;/p&gt;&lt;p&gt;运行时间：在单个 CPU 核上，每次迭代（8 个 64 x 64 的图像块）约 1 秒；GPU 快得多。&lt;/p&gt;</translation>
    </message>
  </context>
</TS>
